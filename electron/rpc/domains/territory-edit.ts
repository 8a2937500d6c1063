import { addBuilding, deleteBuilding, reshapeBuilding } from '../../../db/territory/edits/buildings';
import { mergeGrids } from '../../../db/territory/edits/merge';
import { reshapeGrid } from '../../../db/territory/edits/reshape-grid';
import { reshapeCommunity } from '../../../db/territory/edits/reshape-community';
import { editHistory, undoEdit } from '../../../db/territory/edits/undo';
import type { territoryEditMethods } from '../../api/territory-edit';
import type { HandlerMap } from '../handler-types';

export const territoryEditHandlers: HandlerMap<keyof typeof territoryEditMethods> = {
  'territory.mergeGrids': (ctx, input) => mergeGrids(ctx, input),
  'territory.reshapeGrid': (ctx, input) => reshapeGrid(ctx, input),
  'territory.reshapeCommunity': (ctx, input) => reshapeCommunity(ctx, input),
  'territory.addBuilding': (ctx, input) => addBuilding(ctx, input),
  'territory.reshapeBuilding': (ctx, input) => reshapeBuilding(ctx, input),
  'territory.deleteBuilding': (ctx, input) => deleteBuilding(ctx, input),
  'territory.editHistory': (ctx) => editHistory(ctx),
  'territory.undoEdit': (ctx) => undoEdit(ctx),
};
