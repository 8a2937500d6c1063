CREATE TABLE `volunteer_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`unit` text,
	`community_id` text,
	`building` text,
	`status` text DEFAULT 'active' NOT NULL,
	`briefing_at` integer,
	`birth_date` text,
	`initials` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `volunteer_profiles_hlc_idx` ON `volunteer_profiles` (`hlc`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `volunteer_profiles_person_uq` ON `volunteer_profiles` (`person_id`);--> statement-breakpoint
CREATE INDEX `volunteer_profiles_community_idx` ON `volunteer_profiles` (`community_id`,`status`);--> statement-breakpoint
CREATE INDEX `volunteer_profiles_initials_idx` ON `volunteer_profiles` (`initials`,`id`) WHERE `deleted` = 0;--> statement-breakpoint
CREATE TABLE `volunteer_specialties` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`name` text NOT NULL,
	`rank` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `volunteer_specialties_hlc_idx` ON `volunteer_specialties` (`hlc`,`id`);--> statement-breakpoint
CREATE TABLE `volunteer_status_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`profile_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `volunteer_profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `volunteer_status_changes_hlc_idx` ON `volunteer_status_changes` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `volunteer_status_changes_profile_idx` ON `volunteer_status_changes` (`profile_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `people_id_number_idx` ON `people` (`id_number`);--> statement-breakpoint
CREATE INDEX `people_phone_tail_idx` ON `people` (substr(`phone`, -4));--> statement-breakpoint
INSERT INTO `volunteer_specialties` (`id`, `hlc`, `origin`, `deleted`, `name`, `rank`) VALUES
	('00000000-0000-7000-8000-000000000100', '000000000000000:00000:builtin', 'builtin', 0, '医护', 0),
	('00000000-0000-7000-8000-000000000101', '000000000000000:00000:builtin', 'builtin', 0, '心理', 1),
	('00000000-0000-7000-8000-000000000102', '000000000000000:00000:builtin', 'builtin', 0, '驾驶', 2),
	('00000000-0000-7000-8000-000000000103', '000000000000000:00000:builtin', 'builtin', 0, '电工', 3),
	('00000000-0000-7000-8000-000000000104', '000000000000000:00000:builtin', 'builtin', 0, '外语', 4),
	('00000000-0000-7000-8000-000000000105', '000000000000000:00000:builtin', 'builtin', 0, '法律', 5),
	('00000000-0000-7000-8000-000000000106', '000000000000000:00000:builtin', 'builtin', 0, '信息录入', 6),
	('00000000-0000-7000-8000-000000000107', '000000000000000:00000:builtin', 'builtin', 0, '水暖', 7),
	('00000000-0000-7000-8000-000000000108', '000000000000000:00000:builtin', 'builtin', 0, '厨师', 8),
	('00000000-0000-7000-8000-000000000109', '000000000000000:00000:builtin', 'builtin', 0, '摄影', 9);
