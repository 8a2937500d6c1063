import { useEffect, useState } from 'react';

/** The display's unit in pixels: 1/120 of the width at 16:9 (16 px at 1920×1080), less on a taller screen; as in briefing.css. */
function rem(): number {
  return Math.max(8, Math.min(window.innerWidth / 120, window.innerHeight / 67.5));
}

/** Type sizes for the charts, which take pixels: follows the window's size. */
export function useRem(): number {
  const [value, setValue] = useState(rem);
  useEffect(() => {
    const update = () => setValue(rem());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return value;
}
