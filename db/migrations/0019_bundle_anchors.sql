CREATE TABLE `bundle_anchors` (
	`sender_key_id` text NOT NULL,
	`sender_code` text NOT NULL,
	`seq` integer NOT NULL,
	`audit_seq` integer NOT NULL,
	`audit_hash` text NOT NULL,
	`hash` text NOT NULL,
	`anchor` text NOT NULL,
	`bundle_sequence` integer NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`sender_key_id`, `seq`)
);
