declare global {
  interface Window {
    /** The map page's test hook (renderer/features/map/test-hook.ts). */
    __gridDeskMap?: {
      buildingScreenPoint(id: string): { x: number; y: number } | null;
      buildingIds(): string[];
      panBy(dx: number, dy: number): void;
    };
  }
}

export {};
