/* global document, fetch, React, ReactDOM, GraphiQL */
// Starts GraphiQL against the gateway. It is a file served by the gateway rather than an inline
// script so that the page's Content-Security-Policy can allow scripts from 'self' only.
(() => {
  const defaultQuery = `# partner-graph explorer
#
# 1. Get a development token: pick a partner and a role above and
#    press "Get a development token" (or, in a terminal,
#      npm run -s token -- --partner P-00001 --role partner_admin
#    and paste it into the Headers tab below).
# 2. Run the query (the play button or Ctrl-Enter).

query Me {
  me {
    id
    name
    tier
  }
}
`;
  const placeholder = 'Bearer <paste a token from npm run token>';

  // The gateway answers no @defer or subscriptions, so plain JSON POSTs to this origin's /graphql
  // (content-type application/json, which Apollo's CSRF prevention accepts).
  const fetcher = GraphiQL.createFetcher({ url: '/graphql', enableIncrementalDelivery: false });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));

  const render = (token) =>
    root.render(
      React.createElement(GraphiQL, {
        // A new token mounts a new GraphiQL, which fetches the schema with it.
        key: token || 'no token',
        fetcher,
        defaultQuery,
        defaultHeaders: JSON.stringify({ authorization: token ? `Bearer ${token}` : placeholder }, null, 2),
        // Without a token the schema request can only be refused: open on the editor, not on an
        // error; the schema comes with the token (or the re-fetch button, once one is pasted).
        schema: token ? undefined : null,
        isHeadersEditorEnabled: true,
        defaultEditorToolsVisibility: 'headers',
      }),
    );
  render(undefined);

  const form = document.getElementById('dev-token');
  if (!form) return;
  const status = form.elements.status;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '…';
    try {
      const response = await fetch('/explorer/dev-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ partnerId: form.elements.partnerId.value, role: form.elements.role.value }),
      });
      const body = await response.json();
      if (!response.ok) {
        status.textContent = body.errors?.[0]?.message ?? `HTTP ${response.status}`;
        return;
      }
      status.textContent = `Token for ${body.partnerId} as ${body.role}, valid ${body.expiresIn}`;
      render(body.token);
    } catch (error) {
      status.textContent = `No token: ${error.message}`;
    }
  });
})();
