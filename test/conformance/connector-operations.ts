// The spec operation behind each of the connector's 29 actions (product spec:
// /work/shared/spec/confluence-connector.md). The coverage report and the demo-scenario test
// use it to show which of them the test run actually exercised against the emulator.

export interface ConnectorOperation {
  action: string;
  /** `v2:<operationId>`, or a non-REST category ("graphql"; "any" for Raw Request). */
  target: string;
}

const v2 = (action: string, operationId: string): ConnectorOperation => ({
  action,
  target: `v2:${operationId}`,
});

export const connectorOperations: readonly ConnectorOperation[] = [
  v2("Create Content Property for Attachment", "createAttachmentProperty"),
  v2("Create Content Property for Custom Content", "createCustomContentProperty"),
  v2("Create Content Property for Page", "createPageProperty"),
  v2("Create Page", "createPage"),
  v2("Delete Attachment", "deleteAttachment"),
  v2("Delete Content Property for a Custom Content", "deleteCustomContentPropertyById"),
  v2("Delete Content Property for an Attachment", "deleteAttachmentPropertyById"),
  v2("Delete Content Property for Page", "deletePagePropertyById"),
  v2("Delete Page", "deletePage"),
  v2("Get Attachment", "getAttachmentById"),
  v2("Get Attachments for Page", "getPageAttachments"),
  v2("Get Content Properties for Custom Content", "getCustomContentContentPropertiesById"),
  v2("Get Content Property for Attachment", "getAttachmentContentPropertiesById"),
  v2("Get Content Property for Page", "getPageContentPropertiesById"),
  v2("Get Page", "getPageById"),
  v2("Get Space", "getSpaceById"),
  v2("List Attachments", "getAttachments"),
  v2("List Content Properties for Attachments", "getAttachmentContentProperties"),
  v2("List Content Properties for Custom Content", "getCustomContentContentProperties"),
  v2("List Content Properties for Page", "getPageContentProperties"),
  v2("List Pages", "getPages"),
  v2("List Pages in Space", "getPagesInSpace"),
  v2("List Spaces", "getSpaces"),
  { action: "Raw GraphQL Request", target: "graphql" },
  { action: "Raw Request", target: "any" },
  v2("Update Content Property for Attachment", "updateAttachmentPropertyById"),
  v2("Update Content Property for Custom Content", "updateCustomContentPropertyById"),
  v2("Update Content Property for Page", "updatePagePropertyById"),
  v2("Update Page", "updatePage"),
];
