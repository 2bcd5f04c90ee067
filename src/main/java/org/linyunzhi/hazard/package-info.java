/**
 * The risk-hazard module (风险隐患): the hazard catalogue (five classes, categories with codes, five
 * levels by handling body, versioned), inspection campaigns, and hazards tracked from discovery through
 * the rectification order, evidence and re-inspection to closing, with overdue marking and escalation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk hazards")
package org.linyunzhi.hazard;
