// The preview page's script: mounts the component the renderer asked for (window.__PREVIEW_SCENARIO__) with its
// properties, in synthetic shadow like Lightning Experience, and reports how that went in window.__PREVIEW_STATUS__.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import ActivityTimeline from 'c/activityTimeline';
import ActivityTimelineItem from 'c/activityTimelineItem';
import ErrorPanel from 'c/errorPanel';

const COMPONENTS = {
  'c-activity-timeline': ActivityTimeline,
  'c-activity-timeline-item': ActivityTimelineItem,
  'c-error-panel': ErrorPanel
};

function mount() {
  const scenario = window.__PREVIEW_SCENARIO__;
  if (!scenario) {
    throw new Error('No preview scenario on this page');
  }
  const constructor = COMPONENTS[scenario.component];
  if (!constructor) {
    throw new Error(`Unknown preview component ${scenario.component}`);
  }
  const element = createElement(scenario.component, { is: constructor });
  Object.assign(element, scenario.props || {});
  document.getElementById('root').appendChild(element);
}

try {
  mount();
  window.__PREVIEW_STATUS__ = { mounted: true };
} catch (error) {
  window.__PREVIEW_STATUS__ = { mounted: false, error: String((error && error.stack) || error) };
  throw error;
}
