// d3-composite-projections' package entry is a UMD file Node cannot import
// as a module: its source files are imported directly, typed here.
declare module 'd3-composite-projections/src/albersUsaTerritories.js' {
  import type { GeoProjection } from 'd3-geo';
  export default function geoAlbersUsaTerritories(): GeoProjection;
}
