/**
 * AMQP topic matching, as RabbitMQ's topic exchange does it: keys and patterns are words separated
 * by `.`; `*` stands for exactly one word, `#` for zero or more; an empty key has no words. Pure.
 * @param pattern - a binding pattern, e.g. `campaign.*.v1` or `campaign.#`.
 * @param routingKey - a message's routing key, e.g. `campaign.drafted.v1`.
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const patternWords = words(pattern);
  const keyWords = words(routingKey);
  // reachable[j]: the pattern prefix read so far can consume exactly the first j key words.
  let reachable: boolean[] = keyWords.map(() => false).concat(false);
  reachable[0] = true;
  for (const word of patternWords) {
    const next: boolean[] = reachable.map(() => false);
    if (word === '#') {
      let seen = false;
      for (let j = 0; j < next.length; j++) {
        seen = seen || reachable[j] === true;
        next[j] = seen;
      }
    } else {
      for (let j = 1; j < next.length; j++) {
        next[j] = reachable[j - 1] === true && (word === '*' || word === keyWords[j - 1]);
      }
    }
    reachable = next;
  }
  return reachable[keyWords.length] === true;
}

/** True when `routingKey` matches at least one of `patterns`. */
export function topicMatchesAny(patterns: readonly string[], routingKey: string): boolean {
  return patterns.some((pattern) => topicMatches(pattern, routingKey));
}

function words(value: string): string[] {
  return value === '' ? [] : value.split('.');
}
