CREATE TABLE `request_events` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`request_id` text NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`note` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_events_hlc_idx` ON `request_events` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`,`at`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`building_id` text NOT NULL,
	`grid_id` text NOT NULL,
	`community_id` text NOT NULL,
	`household_id` text,
	`resident_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`source` text NOT NULL,
	`requester` text,
	`reported_by` text NOT NULL,
	`received_at` integer NOT NULL,
	`level` text NOT NULL,
	`handler` text,
	`state` text NOT NULL,
	`due_at` integer,
	`accepted_at` integer,
	`accepted_by` text,
	`resolved_at` integer,
	`resolved_by` text,
	`resolution` text,
	`revisited_at` integer,
	`satisfaction` text,
	`revisit_note` text,
	`escalated_at` integer,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `requests_hlc_idx` ON `requests` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `requests_building_idx` ON `requests` (`building_id`,`state`);--> statement-breakpoint
CREATE INDEX `requests_received_idx` ON `requests` (`received_at`);--> statement-breakpoint
CREATE INDEX `requests_due_idx` ON `requests` (`due_at`,`deleted`,`escalated_at`);--> statement-breakpoint
CREATE INDEX `requests_grid_idx` ON `requests` (`grid_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `requests_community_idx` ON `requests` (`community_id`,`received_at`);--> statement-breakpoint
-- Every need and incident becomes a request with the same id and stamp: an office upgrading loses nothing.
INSERT INTO `requests` (`id`, `hlc`, `origin`, `deleted`, `building_id`, `grid_id`, `community_id`, `household_id`, `kind`, `title`, `description`, `source`, `requester`, `reported_by`, `received_at`, `level`, `handler`, `state`, `due_at`, `accepted_at`, `resolved_at`, `resolved_by`)
SELECT n.`id`, n.`hlc`, n.`origin`, n.`deleted`, n.`building_id`, b.`grid_id`, b.`community_id`, n.`household_id`, n.`kind`, substr(n.`detail`, 1, 60),
       CASE WHEN length(n.`detail`) > 60 THEN n.`detail` END, 'visit', n.`requested_by`, n.`requested_by`, n.`requested_at`, 'community', n.`assignee`,
       CASE WHEN n.`done_at` IS NOT NULL THEN 'resolved' WHEN n.`assignee` IS NOT NULL THEN 'handling' ELSE 'pending' END,
       CASE WHEN n.`done_at` IS NULL AND n.`assignee` IS NULL THEN n.`requested_at` + 86400000 END,
       CASE WHEN n.`done_at` IS NOT NULL OR n.`assignee` IS NOT NULL THEN n.`requested_at` END,
       n.`done_at`, n.`done_by`
  FROM `building_needs` n JOIN `buildings` b ON b.`id` = n.`building_id`;
--> statement-breakpoint
INSERT INTO `requests` (`id`, `hlc`, `origin`, `deleted`, `building_id`, `grid_id`, `community_id`, `kind`, `title`, `description`, `source`, `reported_by`, `received_at`, `level`, `handler`, `state`, `due_at`, `accepted_at`, `resolved_at`, `resolved_by`, `resolution`)
SELECT i.`id`, i.`hlc`, i.`origin`, i.`deleted`, i.`building_id`, b.`grid_id`, b.`community_id`, 'facility', substr(i.`title`, 1, 60), i.`detail`, 'photo', i.`reported_by`, i.`reported_at`, 'community', i.`handler`,
       CASE WHEN i.`fixed_at` IS NOT NULL THEN 'resolved' WHEN i.`handler` IS NOT NULL THEN 'handling' ELSE 'pending' END,
       CASE WHEN i.`fixed_at` IS NULL AND i.`handler` IS NULL THEN i.`reported_at` + 86400000 END,
       CASE WHEN i.`fixed_at` IS NOT NULL OR i.`handler` IS NOT NULL THEN i.`reported_at` END,
       i.`fixed_at`, i.`handler`, i.`fix_note`
  FROM `building_incidents` i JOIN `buildings` b ON b.`id` = i.`building_id`;
--> statement-breakpoint
DROP TABLE `building_incidents`;
--> statement-breakpoint
DROP TABLE `building_needs`;
