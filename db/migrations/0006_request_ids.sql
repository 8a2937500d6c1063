CREATE TABLE `request_ids` (
	`id` text PRIMARY KEY NOT NULL,
	`account` text NOT NULL,
	`method` text NOT NULL,
	`result` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `request_ids_created_idx` ON `request_ids` (`created_at`);