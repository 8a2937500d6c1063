CREATE TABLE `duty_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`community_id` text NOT NULL,
	`compound_id` text,
	`grid_id` text,
	`geometry` text,
	`lat` real,
	`lng` real,
	`staff_needed` integer DEFAULT 2 NOT NULL,
	`skills` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `duty_posts_hlc_idx` ON `duty_posts` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `duty_posts_community_idx` ON `duty_posts` (`community_id`);--> statement-breakpoint
CREATE INDEX `duty_posts_grid_idx` ON `duty_posts` (`grid_id`);--> statement-breakpoint
CREATE TABLE `shift_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`post_id` text NOT NULL,
	`template_id` text NOT NULL,
	`person_id` text NOT NULL,
	`date` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`overridden` text DEFAULT '[]' NOT NULL,
	`override_reason` text,
	`assigned_by` text NOT NULL,
	`signed_in_at` integer,
	`signed_out_at` integer,
	`no_show` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `duty_posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `shift_templates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `shift_assignments_hlc_idx` ON `shift_assignments` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `shift_assignments_start_idx` ON `shift_assignments` (`starts_at`);--> statement-breakpoint
CREATE INDEX `shift_assignments_person_idx` ON `shift_assignments` (`person_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `shift_assignments_post_idx` ON `shift_assignments` (`post_id`,`date`);--> statement-breakpoint
CREATE TABLE `shift_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`post_id` text NOT NULL,
	`name` text NOT NULL,
	`start_minute` integer NOT NULL,
	`minutes` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `duty_posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `shift_templates_hlc_idx` ON `shift_templates` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `shift_templates_post_idx` ON `shift_templates` (`post_id`);--> statement-breakpoint
ALTER TABLE `people` ADD `skills` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `availability` text;