// A pure reading of a text, remembered for the last two texts read. The Alertmanager reader
// checks each alert's startsAt and endsAt when it validates a body, then reads the same two again
// when it normalises the alert a moment later: RFC 3339 parsing was done twice per time, per
// alert, in a storm. Two entries, as an alert has two times; anything else is read afresh.

/** `read`, answering again from memory when asked about one of the last two texts. */
export function lastTwo<T>(read: (text: string) => T): (text: string) => T {
  let newerText: string | null = null;
  let newerValue: T | undefined;
  let olderText: string | null = null;
  let olderValue: T | undefined;
  return (text) => {
    if (text === newerText) return newerValue as T;
    if (text === olderText) return olderValue as T;
    const value = read(text);
    olderText = newerText;
    olderValue = newerValue;
    newerText = text;
    newerValue = value;
    return value;
  };
}
