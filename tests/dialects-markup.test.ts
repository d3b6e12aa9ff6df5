// The markup dialects of the portal-dialect matrix (Word, TRS, WPS, CMS wrappers, <br>, <th>…):
// same text, same grids, same findings. See tests/dialects/matrix.ts.
import { matrix } from './dialects/matrix';

matrix(false);
