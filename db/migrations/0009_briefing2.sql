CREATE TABLE `wall_displays` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`paired_at` integer NOT NULL,
	`paired_by` text NOT NULL,
	`paired_from` text NOT NULL,
	`revoked_at` integer,
	`revoked_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wall_displays_token_hash_unique` ON `wall_displays` (`token_hash`);--> statement-breakpoint
CREATE INDEX `wall_displays_paired_idx` ON `wall_displays` (`paired_at`);