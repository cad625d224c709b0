// In place of the map when the hub has no service catalog: the map is drawn from services.yaml
// only, so an empty frame would read as "everything is fine" or "still loading". Says what to
// write and where, in the words of docs/configuration.md.

export function NoCatalog() {
  return (
    <div className="map-view__empty" data-testid="map-no-catalog">
      <p className="map-view__empty-title">No service catalog is configured, so there is no map to draw.</p>
      <p>
        The map is drawn from <code>services.yaml</code> in the hub's configuration folder (the folder given
        to the hub with <code>--config-dir</code>): each service, the team that owns it and the services it
        depends on. Start from <code>examples/services.yaml</code>; the fields are listed under
        "services.yaml" in <code>docs/configuration.md</code>.
      </p>
      <p>The hub picks up the file when it changes; reload this console to see the map.</p>
    </div>
  );
}
