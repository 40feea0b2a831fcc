export interface BoundaryViolation {
  rule: 'no-deep-import' | 'drizzle-only-in-repositories' | 'no-circular' | 'no-module-cycle' | (string & {});
  from: string;
  to: string;
}

/** Runs the module-boundary checks on `root` (the repository by default). */
export function checkModuleBoundaries(root?: string): Promise<BoundaryViolation[]>;
