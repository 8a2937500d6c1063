CREATE TABLE `shift_handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`post_id` text NOT NULL,
	`template_id` text NOT NULL,
	`date` text NOT NULL,
	`shift_starts_at` integer NOT NULL,
	`happened` text NOT NULL,
	`watch` text NOT NULL,
	`written_by` text NOT NULL,
	`author_name` text NOT NULL,
	`written_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `duty_posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `shift_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `shift_handovers_hlc_idx` ON `shift_handovers` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `shift_handovers_post_idx` ON `shift_handovers` (`post_id`,`shift_starts_at`);