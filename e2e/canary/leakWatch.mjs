// Collects everything the browser page receives (every HTTP response body
// and WebSocket frame) and searches it, and the rendered page, for needles.

/** Where each needle was found in `text`, as `place: needle`. */
export function findNeedles(place, text, needles) {
  return needles.filter(n => text.includes(n)).map(n => `${place}: ${n}`);
}

export function watchPage(page) {
  const received = [];
  const pending = new Set();
  const onResponse = response => {
    const read = response
      .body()
      .then(body =>
        received.push({ place: `response ${response.url()}`, text: `${body}` }),
      )
      // Redirects and aborted requests have no body.
      .catch(() => {})
      .finally(() => pending.delete(read));
    pending.add(read);
  };
  const onSocket = socket =>
    socket.on('framereceived', frame =>
      received.push({
        place: `websocket ${socket.url()}`,
        text: `${frame.payload}`,
      }),
    );
  page.on('response', onResponse);
  page.on('websocket', onSocket);
  return {
    /** Every body received so far, once all are read. */
    async received() {
      await Promise.all([...pending]);
      return received;
    },
    stop() {
      page.off('response', onResponse);
      page.off('websocket', onSocket);
    },
  };
}

/** The page as the user sees it and as the browser holds it. */
export async function renderedLeaks(page, name, needles) {
  return [
    ...findNeedles(
      `${name} text`,
      await page.locator('body').innerText(),
      needles,
    ),
    ...findNeedles(`${name} HTML`, await page.content(), needles),
  ];
}

/**
 * Opens everything that opens: resource and hotfix rows, "Compare in
 * full", "Show all N attributes", until nothing closed is left.
 */
export async function expandAll(page) {
  const closed = () =>
    page
      .locator('button[aria-expanded="false"]')
      .filter({ hasText: /Compare in full|Show all \d+/ })
      .or(page.locator('button[aria-label^="Expand "][aria-expanded="false"]'));
  for (let clicks = 0; clicks < 200; clicks++) {
    const next = closed().first();
    if ((await next.count()) === 0) return clicks;
    await next.click();
  }
  throw new Error('still finding closed rows after 200 clicks');
}
