import { useHashLocation } from '../../app/use-hash-route';
import { BuildingPage } from './BuildingPage';
import { BuildingsTablePage } from './BuildingsTablePage';
import './buildings.css';

/** `#/buildings` is the table, `#/buildings/<id>` one building. */
export function BuildingsPage() {
  const { rest } = useHashLocation();
  const id = rest[0];
  return id ? <BuildingPage key={id} id={id} /> : <BuildingsTablePage />;
}
