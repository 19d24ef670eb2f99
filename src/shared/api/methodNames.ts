/**
 * The names of the contract's methods, without their schemas: what the sandboxed preload needs to
 * list the bridge's functions, so that its bundle carries no zod and no product schema. The
 * contract checks (at compile time) that these are exactly its methods.
 */
export const API_METHOD_NAMES = [
  'workspace.info',
  'workspace.chooseFolder',
  'products.list',
  'product.open',
  'product.create',
  'product.createFromSample',
  'product.duplicate',
  'product.rename',
  'product.delete',
  'trash.list',
  'trash.restore',
  'recovery.list',
  'recovery.restore',
  'recovery.delete',
  'product.applyEdits',
  'product.sync',
  'product.resolveConflict',
  'product.saveCopy',
  'export.save',
  'export.pdf',
  'product.flush',
  'product.close',
] as const;

export type ApiMethodName = (typeof API_METHOD_NAMES)[number];
