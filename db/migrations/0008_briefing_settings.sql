CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `buildings_community_status_idx` ON `buildings` (`community_id`,`status`,`grid_id`) WHERE deleted = 0;--> statement-breakpoint
CREATE INDEX `screening_visits_result_time_idx` ON `screening_visits` (`round_id`,`result`,`visited_at`);