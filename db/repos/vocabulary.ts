// Owns the closed vocabularies the record tables store (work types, statuses, roles, entry
// types…) and the stored rich-text shape. db/ may not import the contract, so these mirror it;
// tests/integration/records-vocabulary.test.ts fails if the two ever drift apart. The migrations
// spell their CHECK lists out literally because a released migration must never change.
export const communicationModes = ['words', 'signing', 'pictures', 'objects', 'gesture', 'music', 'movement', 'art', 'writing', 'technology', 'other'] as const;
export type CommunicationMode = (typeof communicationModes)[number];

export const partyKinds = ['solicitor', 'professional', 'family', 'other'] as const;
export type PartyKind = (typeof partyKinds)[number];

export const partyRoles = [
  'mother', 'father', 'child', 'sgo_applicant', 'kinship_carer', 'foster_carer', 'allocated_social_worker', 'childrens_guardian',
  'imca', 'attorney', 'deputy', 'solicitor_for_applicant', 'solicitor_for_respondent', 'solicitor_for_child', 'instructing_solicitor',
  'independent_reviewing_officer', 'health_professional', 'teacher', 'interpreter', 'other',
] as const;
export type PartyRole = (typeof partyRoles)[number];

export const workTypes = [
  'parenting_assessment', 'special_guardianship', 'viability_kinship', 's7_s37_report', 'care_act_assessment', 'mca_capacity',
  'best_interests', 'cop_s49', 'expert_report_part25', 'other',
] as const;
export type WorkType = (typeof workTypes)[number];

export const caseStatuses = ['enquiry', 'instructed', 'active', 'report_due', 'filed', 'closed', 'archived'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const entryTypes = [
  'home_visit', 'observation', 'phone', 'video_call', 'meeting', 'creative_music', 'creative_dance', 'creative_art', 'document_review',
  'reflection',
] as const;
export type EntryType = (typeof entryTypes)[number];

export type NoteStatus = 'draft' | 'final';

/** The stored rich-text document (JSON): paragraphs and lists of paragraphs; bold and italic text. */
export interface RichTextDoc {
  type: 'doc';
  content?: (RichParagraph | RichList)[] | undefined;
}
export interface RichParagraph {
  type: 'paragraph';
  content?: (RichTextRun | { type: 'hardBreak' })[] | undefined;
}
export interface RichTextRun {
  type: 'text';
  text: string;
  marks?: { type: 'bold' | 'italic' }[] | undefined;
}
export interface RichList {
  type: 'bulletList' | 'orderedList';
  attrs?: { start?: number | undefined; type?: string | null | undefined } | undefined;
  content: { type: 'listItem'; content: RichParagraph[] }[];
}
