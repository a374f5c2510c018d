/** The collapsed sidebar's field icons: SVG paths on a 16×16 grid (drawn for this project). */
export const LABELS_ICON =
  'M1.5 1.5h5.8l7.2 7.2-5.8 5.8-7.2-7.2zM4.5 3.3a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4';
export const MILESTONE_ICON =
  'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1m0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11M7.25 4v4.7l3.1 1.8.75-1.3-2.35-1.36V4z';
export const DUE_DATE_ICON = 'M4 1h1.5v1.5h5V1H12v1.5h2.5v12h-13v-12H4zM3 6v7h10V6zm2 2h2v2H5z';
