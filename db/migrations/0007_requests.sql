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
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `requests_hlc_idx` ON `requests` (`hlc`,`id`);--> statement-breakpoint
CREATE INDEX `requests_building_idx` ON `requests` (`building_id`,`state`);--> statement-breakpoint
CREATE INDEX `requests_received_idx` ON `requests` (`received_at`);--> statement-breakpoint
CREATE INDEX `requests_due_idx` ON `requests` (`due_at`);--> statement-breakpoint
-- Every need and incident becomes a request with the same id and stamp: an office upgrading loses nothing.
INSERT INTO `requests` (`id`, `hlc`, `origin`, `deleted`, `building_id`, `household_id`, `kind`, `title`, `description`, `source`, `requester`, `reported_by`, `received_at`, `level`, `handler`, `state`, `due_at`, `accepted_at`, `resolved_at`, `resolved_by`)
SELECT `id`, `hlc`, `origin`, `deleted`, `building_id`, `household_id`, `kind`, substr(`detail`, 1, 60),
       CASE WHEN length(`detail`) > 60 THEN `detail` END, 'visit', `requested_by`, `requested_by`, `requested_at`, 'community', `assignee`,
       CASE WHEN `done_at` IS NOT NULL THEN 'resolved' WHEN `assignee` IS NOT NULL THEN 'handling' ELSE 'pending' END,
       CASE WHEN `done_at` IS NULL AND `assignee` IS NULL THEN `requested_at` + 86400000 END,
       CASE WHEN `done_at` IS NOT NULL OR `assignee` IS NOT NULL THEN `requested_at` END,
       `done_at`, `done_by`
  FROM `building_needs`;
--> statement-breakpoint
INSERT INTO `requests` (`id`, `hlc`, `origin`, `deleted`, `building_id`, `kind`, `title`, `description`, `source`, `reported_by`, `received_at`, `level`, `handler`, `state`, `due_at`, `accepted_at`, `resolved_at`, `resolved_by`, `resolution`)
SELECT `id`, `hlc`, `origin`, `deleted`, `building_id`, 'facility', substr(`title`, 1, 60), `detail`, 'photo', `reported_by`, `reported_at`, 'community', `handler`,
       CASE WHEN `fixed_at` IS NOT NULL THEN 'resolved' WHEN `handler` IS NOT NULL THEN 'handling' ELSE 'pending' END,
       CASE WHEN `fixed_at` IS NULL AND `handler` IS NULL THEN `reported_at` + 86400000 END,
       CASE WHEN `fixed_at` IS NOT NULL OR `handler` IS NOT NULL THEN `reported_at` END,
       `fixed_at`, `handler`, `fix_note`
  FROM `building_incidents`;
--> statement-breakpoint
DROP TABLE `building_incidents`;
--> statement-breakpoint
DROP TABLE `building_needs`;
