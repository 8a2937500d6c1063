CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `buildings` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`compound_id` text NOT NULL,
	`grid_id` text NOT NULL,
	`community_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`floors` integer NOT NULL,
	`unit_count` integer NOT NULL,
	`households` integer NOT NULL,
	`residents` integer NOT NULL,
	`has_property_mgmt` integer NOT NULL,
	`open_compound` integer NOT NULL,
	`footprint` text NOT NULL,
	`centroid_lat` real NOT NULL,
	`centroid_lng` real NOT NULL,
	`status` text DEFAULT 'normal' NOT NULL,
	`status_since` integer NOT NULL,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `buildings_compound_idx` ON `buildings` (`compound_id`);--> statement-breakpoint
CREATE INDEX `buildings_grid_idx` ON `buildings` (`grid_id`);--> statement-breakpoint
CREATE INDEX `buildings_community_idx` ON `buildings` (`community_id`);--> statement-breakpoint
CREATE INDEX `buildings_status_idx` ON `buildings` (`status`);--> statement-breakpoint
CREATE TABLE `communities` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`street_office_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`boundary` text NOT NULL,
	`label_lat` real NOT NULL,
	`label_lng` real NOT NULL,
	FOREIGN KEY (`street_office_id`) REFERENCES `street_offices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `communities_code_uq` ON `communities` (`code`);--> statement-breakpoint
CREATE INDEX `communities_street_idx` ON `communities` (`street_office_id`);--> statement-breakpoint
CREATE TABLE `compounds` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`grid_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`road` text NOT NULL,
	`has_property_mgmt` integer NOT NULL,
	`open_compound` integer NOT NULL,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `compounds_grid_idx` ON `compounds` (`grid_id`);--> statement-breakpoint
CREATE TABLE `grids` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`zone_id` text NOT NULL,
	`community_id` text NOT NULL,
	`code` text NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`boundary` text NOT NULL,
	`label_lat` real NOT NULL,
	`label_lng` real NOT NULL,
	FOREIGN KEY (`zone_id`) REFERENCES `zones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grids_code_uq` ON `grids` (`code`);--> statement-breakpoint
CREATE INDEX `grids_zone_idx` ON `grids` (`zone_id`);--> statement-breakpoint
CREATE INDEX `grids_community_idx` ON `grids` (`community_id`);--> statement-breakpoint
CREATE TABLE `street_offices` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`city` text NOT NULL,
	`district` text NOT NULL,
	`center_lat` real NOT NULL,
	`center_lng` real NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `street_offices_code_unique` ON `street_offices` (`code`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`building_id` text NOT NULL,
	`number` integer NOT NULL,
	`households` integer NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `units_building_idx` ON `units` (`building_id`);--> statement-breakpoint
CREATE TABLE `zones` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`community_id` text NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `zones_community_idx` ON `zones` (`community_id`);--> statement-breakpoint
CREATE TABLE `duty_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`scope_type` text NOT NULL,
	`scope_id` text NOT NULL,
	`since` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `duty_person_idx` ON `duty_assignments` (`person_id`);--> statement-breakpoint
CREATE INDEX `duty_scope_idx` ON `duty_assignments` (`scope_type`,`scope_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL,
	`phone` text NOT NULL,
	`id_number` text,
	`party_member` integer DEFAULT false NOT NULL,
	`source` text NOT NULL,
	`employer` text
);
--> statement-breakpoint
CREATE INDEX `people_name_idx` ON `people` (`name`);--> statement-breakpoint
CREATE TABLE `building_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`building_id` text NOT NULL,
	`status` text NOT NULL,
	`previous_status` text,
	`reason` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` integer NOT NULL,
	`effective_from` integer NOT NULL,
	`effective_until` integer,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `status_history_building_idx` ON `building_status_history` (`building_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`detail` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_target_idx` ON `audit_log` (`target`,`seq`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`grid_ids` text DEFAULT '[]' NOT NULL,
	`sees_personal_data` integer DEFAULT false NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`password_changed_at` integer NOT NULL,
	`last_login_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username_unique` ON `accounts` (`username`);--> statement-breakpoint
-- Added by hand (drizzle-kit does not track triggers): the audit log is append-only in SQL too.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- INSERT OR REPLACE deletes the old row without firing DELETE triggers: refuse it before it gets there.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log` WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `seq` = new.`seq`)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- The anchor of the chain's head (`seq:hash`) may only move forward and never be removed.
CREATE TRIGGER `audit_head_no_delete` BEFORE DELETE ON `meta` WHEN old.`key` = 'audit.head'
BEGIN
	SELECT RAISE(ABORT, 'audit.head cannot be removed');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_head_no_replace` BEFORE INSERT ON `meta` WHEN new.`key` = 'audit.head' AND EXISTS (SELECT 1 FROM `meta` WHERE `key` = 'audit.head')
BEGIN
	SELECT RAISE(ABORT, 'audit.head cannot be replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_head_forward_only` BEFORE UPDATE ON `meta` WHEN (old.`key` = 'audit.head' AND (
	new.`key` IS NOT old.`key`
	OR CAST(substr(new.`value`, 1, instr(new.`value`, ':') - 1) AS INTEGER)
		<= CAST(substr(old.`value`, 1, instr(old.`value`, ':') - 1) AS INTEGER)
)) OR (new.`key` = 'audit.head' AND old.`key` IS NOT 'audit.head')
BEGIN
	SELECT RAISE(ABORT, 'audit.head may only move forward');
END;
