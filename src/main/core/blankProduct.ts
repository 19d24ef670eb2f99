/** A new, empty product with a board a team would start from. */
import { blankBoard } from '../../shared/model/blankBoard';
import { CURRENT_SCHEMA_VERSION, ProductSchema, type Product } from '../../shared/model/schema';

export function blankProduct(id: string, name: string): Product {
  return ProductSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, id, name, board: blankBoard() });
}
