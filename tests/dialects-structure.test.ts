// The structural dialects of the portal-dialect matrix (split labels, short rowspans, stray cells,
// colspan drift, page-break splits): grids change as on real pages, findings do not. See
// tests/dialects/matrix.ts.
import { matrix } from './dialects/matrix';

matrix(true);
