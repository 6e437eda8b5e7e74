/* global document, React, ReactDOM, GraphiQL */
// Starts GraphiQL against the gateway. It is a file served by the gateway rather than an inline
// script so that the page's Content-Security-Policy can allow scripts from 'self' only.
(() => {
  const defaultQuery = `# partner-graph explorer
#
# 1. Get a development token:
#      npm run -s token -- --partner P-00001 --role partner_admin
# 2. In the Headers tab below, replace <paste a token ...>.
# 3. Re-fetch the schema (the circular arrows on the left)
#    for completion and docs.
# 4. Run the query (the play button or Ctrl-Enter).

query Me {
  me {
    id
    name
    tier
  }
}
`;
  const defaultHeaders = JSON.stringify(
    { authorization: 'Bearer <paste a token from npm run token>' },
    null,
    2,
  );

  // The gateway answers no @defer or subscriptions, so plain JSON POSTs to this origin's /graphql
  // (content-type application/json, which Apollo's CSRF prevention accepts).
  const fetcher = GraphiQL.createFetcher({ url: '/graphql', enableIncrementalDelivery: false });

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery,
      defaultHeaders,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
