CREATE TABLE `audit_anchors` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`reason` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`audit_seq` integer NOT NULL,
	`audit_hash` text NOT NULL,
	`prev_anchor` text NOT NULL,
	`key_id` text NOT NULL,
	`detail` text,
	`hash` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
-- Added by hand (drizzle-kit does not track triggers): anchors are append-only in SQL too.
CREATE TRIGGER `audit_anchors_no_update` BEFORE UPDATE ON `audit_anchors`
BEGIN
	SELECT RAISE(ABORT, 'audit_anchors is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_anchors_no_delete` BEFORE DELETE ON `audit_anchors`
BEGIN
	SELECT RAISE(ABORT, 'audit_anchors is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_anchors_no_replace` BEFORE INSERT ON `audit_anchors` WHEN EXISTS (SELECT 1 FROM `audit_anchors` WHERE `seq` = new.`seq`)
BEGIN
	SELECT RAISE(ABORT, 'audit_anchors is append-only');
END;
