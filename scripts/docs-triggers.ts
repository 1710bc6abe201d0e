// The data sources, triggers and push-events sections of docs/confluence.md (after the actions
// beyond the specification), generated from src/catalog/data-sources and src/catalog/triggers.
import type { DataSourceDef, InputDef, TriggerDef } from "../src/catalog/index.js";
import { dataSources, triggers } from "../src/catalog/index.js";

type RenderInputs = (inputs: readonly InputDef[]) => string;

function renderDefinition(def: DataSourceDef | TriggerDef, renderInputs: RenderInputs): string {
  const operations = def.endpoints.map((endpoint) => `\`${endpoint}\``).join(", ");
  const inputs = Object.values(def.inputs) as InputDef[];
  return `### ${def.label}\n\n${def.description}\n\nConfluence: ${operations}.\n\n${renderInputs(inputs)}`;
}

const DATA_SOURCES_INTRO = `Pickers for an integration's configuration screens. Each returns a picklist of \`{ label, key }\` choices; the key is what the actions take (Space Id, Page Id, Attachment Id, a label's name). A picker lists at most 1,000 choices (a title search, 100).`;

const TRIGGERS_INTRO = `Polling triggers: Prismatic runs them on the flow's schedule and keeps their state between runs (\`context.polling\`). The first poll records where "now" is and delivers nothing (no replay of history); each later poll delivers what changed since, oldest first, in \`body.data\` (the search results of the changed content, or the new spaces), and marks a run without changes as such.

How a poll stays cheap and exact:

- **Cost O(changes), not O(content).** Content triggers ask CQL search (\`GET /wiki/rest/api/search\`, Confluence's supported search: there is no v2 CQL search) for their condition ordered newest first (\`ORDER BY lastmodified DESC\`, or \`created DESC\` for the "new" triggers) and stop at the first page that reaches the previous poll's lower bound. With 10 changes among 100,000 pages a poll makes 1 request (a peer that lists every page makes 400 at 250 a page; see \`npm run bench\`). When more changed than a search page holds (100), the rest is read oldest first from the lower bound (\`lastmodified >= now("-Nm") ORDER BY lastmodified ASC\`, evaluated on the server's clock), at most 40 pages a poll; the next poll goes on from where it stopped.
- **No miss, no duplicate.** The lower bound of the next poll is the server's time of this poll (its \`Date\` header) minus a 5-minute safety window, so content saved just before a poll but not yet searchable (Confluence indexes changes asynchronously, in batches: [Content Index Administration](https://confluence.atlassian.com/doc/content-index-administration-148844.html)) is still found. Inside the window, events are told apart by identity, not time: content id and version number for "New and Updated Pages" (several edits within the same second are distinct versions; two edits between polls deliver the latest version once), the id for "new" triggers. The state keeps the keys delivered inside the window only.
- **Clocks.** No date literal is sent and the client's clock is never read: CQL dates have minute precision and are read in the user's time zone ([Advanced searching using CQL](https://developer.atlassian.com/cloud/confluence/advanced-searching-using-cql/)), while the results carry exact timestamps, which the trigger compares with the server's own \`Date\`. A client clock minutes off changes nothing (tested at ±5 minutes).
- **Paging under change.** If the listing moves while a poll reads several pages (the same id twice, or the search's \`totalSize\` changing), the poll keeps its lower bound so the next one reads the range again; the saved keys keep that from delivering anything twice.
- **Bodies cost one request per delivered event, and only when asked for.** Search results carry no bodies. With a Body Format (storage, atlas_doc_format, or markdown: storage converted as the actions do, see docs/markdown.md) the content triggers read each delivered event's body through v2 after the poll (\`GET /pages/{id}?version=N\` for the version the event is about, \`GET /blogposts/{id}\`, \`GET /footer-comments/{id}\` or \`/inline-comments/{id}\`) and return it in \`content.body\`: a poll delivering 10 events makes 10 more requests, a poll delivering nothing none. Content deleted in between is delivered without a body. Without a Body Format (the default) a poll is the search alone, as before.
- **State size.** \`{ v, from, seen: [[key, time], ...] }\`: one entry per change inside the 5-minute window (about 60 bytes each), whatever the size of the site.

"New Spaces" lists \`GET /spaces?sort=-id\` (spaces have no date sort; ids grow with creation) and stops at the lower bound by \`createdAt\`. "New Comments" and "New Blog Posts" search \`type = comment\` and \`type = blogpost\` by creation date (\`expand=content.history\` for the date).`;

const PUSH_EVENTS = `## Push events (webhooks)

Confluence Cloud has no REST endpoint to register a webhook with Basic (API token) or OAuth 2.0 credentials: webhooks are declared by apps, in a Connect app's descriptor ([Connect webhooks](https://developer.atlassian.com/cloud/confluence/modules/webhook/)) or a Forge app's manifest ([Forge Confluence events](https://developer.atlassian.com/platform/forge/events-reference/confluence/)). This connector therefore adds no webhook actions. To react to changes:

1. **Polling triggers** (above): no app to install; a change arrives within one polling interval.
2. **Confluence automation**: on Confluence Premium and Enterprise, an automation rule with a Confluence trigger (page published, page edited, comment added...: [Triggers in Confluence automation](https://support.atlassian.com/cloud-automation/docs/triggers-in-confluence-automation/)) and the "Send web request" action ([Actions in Confluence automation](https://support.atlassian.com/cloud-automation/docs/actions-in-confluence-automation/)) posting to the Prismatic instance's webhook URL (shown on the instance's flow, or \`context.webhookUrls\`) with a smart-value body, e.g. \`{"pageId": "{{page.id}}", "title": "{{page.title}}"}\`. The flow then uses a webhook trigger and, if it needs the whole page, Get Page.
3. **A Connect or Forge app** of your own, for events automation does not offer.
`;

export function renderSourcesAndTriggers(renderInputs: RenderInputs): string {
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  return [
    "## Data sources",
    "",
    DATA_SOURCES_INTRO,
    "",
    Object.values(dataSources)
      .sort(byLabel)
      .map((def) => renderDefinition(def, renderInputs))
      .join("\n"),
    "## Triggers",
    "",
    TRIGGERS_INTRO,
    "",
    Object.values(triggers)
      .sort(byLabel)
      .map((def) => renderDefinition(def, renderInputs))
      .join("\n"),
    PUSH_EVENTS,
  ].join("\n");
}
