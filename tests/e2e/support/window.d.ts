declare global {
  interface Window {
    /** The map page's test hook (renderer/features/map/test-hook.ts), only in the build made for tests (`vite build --mode e2e`). */
    __gridDeskMap?: {
      buildingScreenPoint(id: string): { x: number; y: number } | null;
      visibleCentres(): { id: string; x: number; y: number }[];
      buildingIds(): string[];
      selectedIds(): string[];
      pixelAt(x: number, y: number): string | null;
      panBy(dx: number, dy: number): void;
      zoom(): number;
      latLngAt(x: number, y: number): [number, number];
      pagePointOf(lat: number, lng: number): { x: number; y: number };
      setView(lat: number, lng: number, zoom: number): void;
    };
    /** The 辖区 import preview's features as drawn (renderer/features/territory/PreviewMap.tsx), test builds only. */
    /** The 辖区 grid editor's map (renderer/features/territory/GridEditor.tsx), test builds only. */
    __gridDeskGridEditor?: { pointOf(lat: number, lng: number): { x: number; y: number }; setView(lat: number, lng: number, zoom: number): void };
    __gridDeskTerritoryPreview?: { row: number; name: string; latlngs: [number, number][] }[];
  }
}

export {};
