import type { ServiceCount } from '../../shared/metrics/report';
import type { Headline } from './statistics-charts';

/** The four figures a commander asks for first, as large text. */
export function StatisticsHeadline({ figures }: { readonly figures: Headline }) {
  const items = [
    { id: 'incidents', label: 'Incidents', value: figures.incidents, detail: `${figures.alerts} alerts` },
    {
      id: 'tta',
      label: 'Median time to acknowledge',
      value: figures.medianTta,
      detail: `90th percentile ${figures.p90Tta}`,
    },
    {
      id: 'ttr',
      label: 'Median time to resolve',
      value: figures.medianTtr,
      // Open incidents have no time to resolve yet: say how many the median covers.
      detail: `90th percentile ${figures.p90Ttr} · ${figures.resolvedOf}`,
    },
    {
      id: 'acknowledged',
      label: 'Acknowledged',
      value: figures.acknowledgedShare,
      detail: figures.acknowledgedOf,
    },
  ];
  return (
    <dl className="statistics-headline" data-testid="statistics-headline">
      {items.map((item) => (
        <div
          key={item.id}
          className="statistics-headline__item"
          data-testid={`statistics-headline-${item.id}`}
        >
          <dt className="statistics-headline__label">{item.label}</dt>
          <dd className="statistics-headline__value" data-testid={`statistics-figure-${item.id}`}>
            {item.value}
          </dd>
          <dd className="statistics-headline__detail">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Services by alerts fired: where the noise comes from. Names are alert text: shown as text, cut by CSS. */
export function NoisiestServices({ services }: { readonly services: ReadonlyArray<ServiceCount> }) {
  return (
    <section className="statistics-chart statistics-noisiest" aria-labelledby="statistics-noisiest-title">
      <h3 id="statistics-noisiest-title" className="statistics-chart__title">
        Noisiest services
        <span className="statistics-chart__note"> by alerts fired</span>
      </h3>
      {services.length === 0 ? (
        <p className="statistics-chart__empty">No alerts in this range.</p>
      ) : (
        <table className="statistics-table" data-testid="statistics-noisiest">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="statistics-table__number">
                Alerts
              </th>
              <th scope="col" className="statistics-table__number">
                Incidents
              </th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.service}>
                <th scope="row" className="statistics-table__name" title={service.service}>
                  {service.service}
                </th>
                <td className="statistics-table__number">{service.alerts}</td>
                <td className="statistics-table__number">{service.incidents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
