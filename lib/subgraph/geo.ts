/** A point on the earth in degrees (WGS 84), as stores and seeds hold places. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** The mean earth radius the hub measures with, in code and in SQL (grids' duplicate search). */
export const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance in metres (haversine). */
export function greatCircleMetres(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
