/**
 * Query-shape rules of the ad-hoc tables (after ONS's custom-dataset tool and the ABS
 * TableBuilder): how many dimensions one query may cross, and how sparse a table may be. They
 * apply to every reader who receives perturbed figures; refusals never carry a true value.
 */
export interface QueryShapeRules {
  /** Most dimensions (grouped or filtered; all geography counts as one) a query may cross below national level. */
  readonly maxDimensionsBelowNational: number;
  /** Most dimensions a query for England as a whole may cross. */
  readonly maxDimensionsNational: number;
  /** A table is refused when more than this share of its non-zero cells have a true value below `smallBelow`. */
  readonly maxSmallCellShare: number;
  /** Counts from 1 to smallBelow - 1 are small (the ptable's values never published as themselves). */
  readonly smallBelow: number;
}

export const QUERY_RULES_V1: QueryShapeRules = Object.freeze({
  maxDimensionsBelowNational: 2,
  maxDimensionsNational: 3,
  maxSmallCellShare: 0.5,
  smallBelow: 5,
});

export interface QueryShape {
  /** The query's dimensions: every grouped and every filtered one (a dimension grouped and filtered counts once). */
  readonly dimensions: readonly string[];
  /** Which of them are geography (region, local authority): together they count as one, and make the query sub-national. */
  readonly geographic: readonly string[];
}

export interface ShapeRefusal {
  readonly code: 'TOO_MANY_DIMENSIONS' | 'TOO_SPARSE';
  readonly message: string;
}

/** The distinct dimensions a query crosses, geography counted once, and whether it goes below England. */
export function crossedDimensions(shape: QueryShape): { count: number; belowNational: boolean } {
  const distinct = new Set(shape.dimensions);
  const geographic = [...distinct].filter((d) => shape.geographic.includes(d));
  const others = [...distinct].filter((d) => !shape.geographic.includes(d));
  return { count: others.length + (geographic.length > 0 ? 1 : 0), belowNational: geographic.length > 0 };
}

/** Null when the query's shape is allowed; otherwise why not. */
export function shapeRefusal(shape: QueryShape, rules: QueryShapeRules = QUERY_RULES_V1): ShapeRefusal | null {
  const { count, belowNational } = crossedDimensions(shape);
  const max = belowNational ? rules.maxDimensionsBelowNational : rules.maxDimensionsNational;
  if (count <= max) return null;
  return {
    code: 'TOO_MANY_DIMENSIONS',
    message: belowNational
      ? `a query below national level may cross at most ${rules.maxDimensionsBelowNational} dimensions (grouped or filtered, geography counting as one); this one crosses ${count}`
      : `a query for England may cross at most ${rules.maxDimensionsNational} dimensions (grouped or filtered); this one crosses ${count}`,
  };
}

/**
 * Null when the table may be published; otherwise a refusal saying only that it is too sparse
 * (never how many cells are small, nor any value). `trueValues` are every count of the table.
 */
export function sparsityRefusal(trueValues: Iterable<number>, rules: QueryShapeRules = QUERY_RULES_V1): ShapeRefusal | null {
  let nonZero = 0;
  let small = 0;
  for (const v of trueValues) {
    if (v <= 0) continue;
    nonZero += 1;
    if (v < rules.smallBelow) small += 1;
  }
  if (nonZero === 0 || small / nonZero <= rules.maxSmallCellShare) return null;
  return {
    code: 'TOO_SPARSE',
    message:
      'this table would be too sparse to publish (too many of its cells are very small counts): ' +
      'ask for fewer groupings or filters, a larger area, or months instead of weeks',
  };
}
