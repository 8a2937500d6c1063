CREATE TABLE `import_rows` (
	`run_id` text NOT NULL,
	`row_no` integer NOT NULL,
	`cells` text NOT NULL,
	`outcome` text,
	`value` text,
	`problems` text NOT NULL,
	PRIMARY KEY(`run_id`, `row_no`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rows_outcome_idx` ON `import_rows` (`run_id`,`outcome`,`row_no`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`file_id` text NOT NULL,
	`file_name` text NOT NULL,
	`sheet` text,
	`sheets` text NOT NULL,
	`headers` text NOT NULL,
	`header_row` integer NOT NULL,
	`layout_hash` text NOT NULL,
	`mapping` text NOT NULL,
	`mapping_source` text NOT NULL,
	`status` text NOT NULL,
	`counts` text NOT NULL,
	`created_by_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`applied_by` text,
	`applied_at` integer
);
--> statement-breakpoint
CREATE INDEX `import_runs_layout_idx` ON `import_runs` (`kind`,`layout_hash`,`created_at`);--> statement-breakpoint
CREATE INDEX `import_runs_created_idx` ON `import_runs` (`created_at`);