// Preview stand-in for "@salesforce/apex/ActivityTimelineController.getTimeline": answers from the fixtures of
// the scenario the renderer put in window.__PREVIEW_SCENARIO__, like the platform does —
// - as a wire adapter: the scenario's "wire" answer (data, error, or pending forever for the loading state);
//   like Salesforce's Apex adapter, it does not call while a parameter is undefined;
// - as an imperative call ("View all" / "Load more"): the scenario's "pages", one per call, in order.
// Every call is recorded in window.__PREVIEW_APEX_CALLS__ for the render test.
function scenario() {
  return window.__PREVIEW_SCENARIO__ || {};
}

function record(kind, params) {
  window.__PREVIEW_APEX_CALLS__ = window.__PREVIEW_APEX_CALLS__ || [];
  window.__PREVIEW_APEX_CALLS__.push({ kind, params: JSON.parse(JSON.stringify(params)) });
}

let pageIndex = 0;

export default function getTimeline(params) {
  record('imperative', params);
  const pages = scenario().pages || [];
  const page = pages[pageIndex];
  pageIndex += 1;
  if (!page) {
    return Promise.reject({ body: { message: `Preview scenario has no page ${pageIndex} for getTimeline` } });
  }
  return page.error ? Promise.reject(page.error) : Promise.resolve(page.data);
}

class GetTimelineAdapter {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.config = undefined;
  }

  connect() {}

  disconnect() {}

  update(config) {
    this.config = config;
    const ready = Object.values(config).every((value) => value !== undefined);
    if (!ready) {
      return;
    }
    record('wire', config);
    this.deliver();
  }

  deliver() {
    const answer = scenario().wire || {};
    if (answer.pending) {
      return;
    }
    const result = answer.error ? { data: undefined, error: answer.error } : { data: answer.data, error: undefined };
    Promise.resolve().then(() => this.dataCallback(result));
  }
}

getTimeline.adapter = GetTimelineAdapter;
