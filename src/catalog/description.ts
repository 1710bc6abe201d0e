// The component description, verbatim from the specification: catalog data, read by the
// Prismatic component and the docs generator.
export const COMPONENT_DESCRIPTION =
  "Confluence is an open and shared workspace platform provided by Atlassian. Use the Confluence component to manage spaces, pages, and content properties.";
