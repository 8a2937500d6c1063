CREATE TABLE `bundle_log` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`sender_code` text NOT NULL,
	`sender_key_id` text NOT NULL,
	`recipient_codes` text NOT NULL,
	`sequence` integer NOT NULL,
	`file_name` text NOT NULL,
	`up_to` text,
	`rows` integer NOT NULL,
	`summary` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bundle_log_sender_idx` ON `bundle_log` (`sender_key_id`,`sequence`);--> statement-breakpoint
CREATE TABLE `bundle_partners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`office_code` text NOT NULL,
	`key_id` text NOT NULL,
	`minisign_public_key` text NOT NULL,
	`age_recipient` text NOT NULL,
	`added_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bundle_partners_key_id_unique` ON `bundle_partners` (`key_id`);--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`kept` text NOT NULL,
	`other` text NOT NULL,
	`kept_is_mine` integer NOT NULL,
	`bundle_id` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_open_idx` ON `sync_conflicts` (`resolved_at`,`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `sync_row_meta` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`vv` text NOT NULL,
	`extra` text,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_row_meta_received_idx` ON `sync_row_meta` (`received_at`);