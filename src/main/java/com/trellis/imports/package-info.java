/**
 * Imports of CRM exports (Salesforce data export, HubSpot): validated in a dry run first,
 * with the source's stages and owners mapped onto Trellis's, written in one transaction
 * through the owning modules' import ports, idempotent by the source's record ids.
 */
package com.trellis.imports;
