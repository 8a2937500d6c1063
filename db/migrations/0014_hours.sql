CREATE TABLE `recognition_nominations` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`month` text NOT NULL,
	`title` text NOT NULL,
	`person_id` text NOT NULL,
	`nominated_by` text NOT NULL,
	`nominated_by_name` text NOT NULL,
	`reason` text NOT NULL,
	`votes` integer,
	`elected` integer,
	`closed_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recognition_nominations_hlc_idx` ON `recognition_nominations` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `recognition_nominations_month_idx` ON `recognition_nominations` (`month`,`title`);--> statement-breakpoint
CREATE TABLE `recognition_votes` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`nomination_id` text NOT NULL,
	`month` text NOT NULL,
	`title` text NOT NULL,
	`account_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`nomination_id`) REFERENCES `recognition_nominations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recognition_votes_hlc_idx` ON `recognition_votes` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `recognition_votes_account_idx` ON `recognition_votes` (`month`,`title`,`account_id`);--> statement-breakpoint
CREATE TABLE `service_hours` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`person_id` text NOT NULL,
	`activity` text NOT NULL,
	`date` text NOT NULL,
	`minutes` integer NOT NULL,
	`confirmed_by` text NOT NULL,
	`note` text,
	`team_id` text,
	`community_id` text,
	`entered_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `volunteer_teams`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `service_hours_hlc_idx` ON `service_hours` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `service_hours_date_idx` ON `service_hours` (`date`);--> statement-breakpoint
CREATE INDEX `service_hours_person_idx` ON `service_hours` (`person_id`,`date`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`team_id` text NOT NULL,
	`person_id` text NOT NULL,
	`joined_on` text NOT NULL,
	`left_on` text,
	FOREIGN KEY (`team_id`) REFERENCES `volunteer_teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_members_hlc_idx` ON `team_members` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `team_members_team_idx` ON `team_members` (`team_id`);--> statement-breakpoint
CREATE INDEX `team_members_person_idx` ON `team_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `volunteer_teams` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`parent_id` text,
	`community_id` text,
	`compound_id` text,
	`post_id` text,
	`leader_id` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`post_id`) REFERENCES `duty_posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`leader_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `volunteer_teams_hlc_idx` ON `volunteer_teams` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `volunteer_teams_community_idx` ON `volunteer_teams` (`community_id`);--> statement-breakpoint
CREATE INDEX `shift_assignments_service_idx` ON `shift_assignments` (`starts_at`,`person_id`,`post_id`,`signed_in_at`,`signed_out_at`,`no_show`,`deleted`);