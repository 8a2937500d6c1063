-- A request keeps its building's grid and community (for the queue's filters and grid scope):
-- when a building moves to another grid (a grid split, a move, a merged bundle), its requests follow.
CREATE TRIGGER `requests_follow_building` AFTER UPDATE OF `grid_id`, `community_id` ON `buildings`
WHEN NEW.`grid_id` IS NOT OLD.`grid_id` OR NEW.`community_id` IS NOT OLD.`community_id`
BEGIN
  UPDATE `requests` SET `grid_id` = NEW.`grid_id`, `community_id` = NEW.`community_id` WHERE `building_id` = NEW.`id`;
END;
