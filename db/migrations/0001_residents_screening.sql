CREATE TABLE `safe_compounds` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`compound_id` text NOT NULL,
	`granted_at` integer NOT NULL,
	`criteria` text NOT NULL,
	`note` text,
	`granted_by` text NOT NULL,
	`revoked_at` integer,
	`revoked_by` text,
	`revoke_reason` text,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `safe_compounds_compound_idx` ON `safe_compounds` (`compound_id`);--> statement-breakpoint
CREATE TABLE `status_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`selection` text NOT NULL,
	`building_count` integer NOT NULL,
	`changed_by` text NOT NULL,
	`changed_by_id` text NOT NULL,
	`changed_at` integer NOT NULL,
	`effective_from` integer NOT NULL,
	`effective_until` integer,
	`undoes_batch_id` text,
	`undone_by_batch_id` text
);
--> statement-breakpoint
CREATE INDEX `status_batches_changed_idx` ON `status_batches` (`changed_at`);--> statement-breakpoint
CREATE INDEX `status_batches_account_idx` ON `status_batches` (`changed_by_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `status_definitions` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`label_en` text NOT NULL,
	`color` text NOT NULL,
	`rank` integer NOT NULL,
	`retired` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `status_definitions_key_uq` ON `status_definitions` (`key`);--> statement-breakpoint
CREATE TABLE `building_incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`building_id` text NOT NULL,
	`title` text NOT NULL,
	`detail` text,
	`reported_by` text NOT NULL,
	`reported_at` integer NOT NULL,
	`handler` text,
	`fixed_at` integer,
	`fix_note` text,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `building_incidents_building_idx` ON `building_incidents` (`building_id`,`fixed_at`);--> statement-breakpoint
CREATE TABLE `building_needs` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`building_id` text NOT NULL,
	`household_id` text,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`assignee` text,
	`done_at` integer,
	`done_by` text,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `building_needs_building_idx` ON `building_needs` (`building_id`,`done_at`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`building_id` text NOT NULL,
	`unit_id` text,
	`room` text NOT NULL,
	`registration` text NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `households_building_idx` ON `households` (`building_id`);--> statement-breakpoint
CREATE INDEX `households_unit_idx` ON `households` (`unit_id`);--> statement-breakpoint
CREATE TABLE `resident_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`resident_id` text NOT NULL,
	`building_id` text NOT NULL,
	`tag` text NOT NULL,
	`starts_on` integer,
	`ends_on` integer,
	`note` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resident_tags_resident_idx` ON `resident_tags` (`resident_id`);--> statement-breakpoint
CREATE INDEX `resident_tags_building_idx` ON `resident_tags` (`building_id`,`tag`);--> statement-breakpoint
CREATE INDEX `resident_tags_tag_idx` ON `resident_tags` (`tag`,`building_id`);--> statement-breakpoint
CREATE TABLE `residents` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`household_id` text NOT NULL,
	`building_id` text NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL,
	`birth_year` integer NOT NULL,
	`id_number` text,
	`phone` text,
	`relation` text NOT NULL,
	`registration` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `residents_household_idx` ON `residents` (`household_id`);--> statement-breakpoint
CREATE INDEX `residents_building_idx` ON `residents` (`building_id`);--> statement-breakpoint
CREATE INDEX `residents_name_idx` ON `residents` (`name`);--> statement-breakpoint
CREATE INDEX `residents_floating_idx` ON `residents` (`building_id`) WHERE registration = 'floating' AND deleted = 0;--> statement-breakpoint
CREATE TABLE `screening_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`scope_type` text NOT NULL,
	`scope_ids` text NOT NULL,
	`started_at` integer NOT NULL,
	`started_by` text NOT NULL,
	`closed_at` integer,
	`household_count` integer NOT NULL,
	`visited_count` integer DEFAULT 0 NOT NULL,
	`nobody_home_count` integer DEFAULT 0 NOT NULL,
	`refused_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `screening_rounds_started_idx` ON `screening_rounds` (`started_at`);--> statement-breakpoint
CREATE TABLE `screening_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`round_id` text NOT NULL,
	`household_id` text NOT NULL,
	`building_id` text NOT NULL,
	`grid_id` text NOT NULL,
	`result` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`visited_at` integer,
	`visited_by` text,
	`returnee` integer DEFAULT false NOT NULL,
	`symptoms` integer DEFAULT false NOT NULL,
	`needs` text,
	`note` text,
	FOREIGN KEY (`round_id`) REFERENCES `screening_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `screening_visits_household_uq` ON `screening_visits` (`round_id`,`household_id`);--> statement-breakpoint
CREATE INDEX `screening_visits_grid_idx` ON `screening_visits` (`round_id`,`grid_id`,`result`);--> statement-breakpoint
CREATE INDEX `screening_visits_building_idx` ON `screening_visits` (`round_id`,`building_id`,`result`);--> statement-breakpoint
CREATE INDEX `screening_visits_findings_idx` ON `screening_visits` (`round_id`,`building_id`,`returnee`,`symptoms`) WHERE returnee = 1 OR symptoms = 1;--> statement-breakpoint
ALTER TABLE `buildings` ADD `status_until` integer;--> statement-breakpoint
ALTER TABLE `buildings` ADD `address_initials` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `building_status_history` ADD `batch_id` text;--> statement-breakpoint
CREATE INDEX `status_history_effective_idx` ON `building_status_history` (`effective_from`);--> statement-breakpoint
CREATE INDEX `status_history_batch_idx` ON `building_status_history` (`batch_id`);--> statement-breakpoint
INSERT INTO `status_definitions` (`id`, `hlc`, `origin`, `deleted`, `key`, `label`, `label_en`, `color`, `rank`, `retired`) VALUES
	('00000000-0000-7000-8000-000000000001', '000000000000000:00000:builtin', 'builtin', 0, 'sealed', '封控', 'Sealed', '#cf1322', 30, 0),
	('00000000-0000-7000-8000-000000000002', '000000000000000:00000:builtin', 'builtin', 0, 'controlled', '管控', 'Controlled', '#fa8c16', 20, 0),
	('00000000-0000-7000-8000-000000000003', '000000000000000:00000:builtin', 'builtin', 0, 'precaution', '防范', 'Precaution', '#fadb14', 10, 0),
	('00000000-0000-7000-8000-000000000004', '000000000000000:00000:builtin', 'builtin', 0, 'normal', '正常', 'Normal', '#389e0d', 0, 0);
