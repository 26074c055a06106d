// Owns the word banks the seed generator draws on: British-English fragments of an independent
// social worker's notes, letters of instruction and profiles. All invented; any likeness to a real
// person or case is chance. {slots} are filled in by generate.ts.
/** Common surnames in England and Wales, mixed with faker's so that names read as British. */
export const surnames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans',
  'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke', 'Jackson', 'Wood', 'Harris', 'Edwards', 'Turner', 'Martin',
  'Cooper', 'Hill', 'Ward', 'Hughes', 'Moore', 'Clark', 'King', 'Harrison', 'Lewis', 'Baker', 'Lee', 'Allen', 'Morris', 'Khan',
  'Scott', 'Watson', 'Davis', 'Parker', 'James', 'Bennett', 'Young', 'Phillips', 'Richardson', 'Mitchell', 'Bailey', 'Carter',
  'Cook', 'Singh', 'Shaw', 'Bell', 'Collins', 'Morgan', 'Kelly', 'Begum', 'Miller', 'Cox', 'Hussain', 'Marshall', 'Simpson', 'Price',
  'Anderson', 'Adams', 'Wilkinson', 'Ali', 'Ahmed', 'Foster', 'Ellis', 'Murphy', 'Chapman', 'Mason', 'Gray', 'Richards', 'Webb',
  'Griffiths', 'Hunt', 'Palmer', 'Campbell', 'Holmes', 'Mills', 'Rogers', 'Barnes', 'Knight', 'Matthews', 'Barker', 'Powell', 'Stevens',
  'Kaur', 'Fisher', 'Butler', 'Dixon', 'Russell', 'Harvey', 'Pearson', 'Graham', 'Nowak', 'Kowalski', 'Okafor', 'Mensah', 'Osei',
];

export const towns = [
  'Leeds', 'Bradford', 'Sheffield', 'Manchester', 'Salford', 'Stockport', 'Bristol', 'Cardiff', 'Swansea', 'Newport', 'Norwich',
  'Ipswich', 'Leicester', 'Nottingham', 'Derby', 'Coventry', 'Wolverhampton', 'Plymouth', 'Exeter', 'Reading', 'Luton', 'Hull',
  'York', 'Sunderland', 'Gateshead', 'Preston', 'Blackburn', 'Wigan', 'Swindon', 'Gloucester', 'Lincoln', 'Peterborough',
];

export const courts = (town: string) => [`Family Court at ${town}`, `${town} Combined Court Centre`, 'Central Family Court', 'Court of Protection', `${town} County Court`];

export const firms = [
  'Harrow & Webb Solicitors', 'Lister Bayliss LLP', 'Ashdown Family Law', 'Pennine Legal', 'Mercer & Quayle', 'Holloway Grant Solicitors',
  'Northgate Law', 'Carver Ellison', 'Severn Vale Solicitors', 'Thackeray Rowe LLP', 'Brook & Hallam', 'Dunmore Family Solicitors',
];

export const councils = (town: string) => [`${town} City Council`, `${town} Children's Services`, `${town} Adult Social Care`];

export const languages = ['English', 'English', 'English', 'English, Polish', 'Urdu, English', 'Punjabi, English', 'Romanian', 'Welsh, English', 'British Sign Language', 'Arabic, English', 'Somali, English', 'Bengali', 'Tigrinya', 'Portuguese, English'];

export const accessibility = [
  'Needs a quiet room with low lighting and no strip lights.',
  'Uses a wheelchair; ground-floor rooms only, and a table at the right height.',
  'Wears hearing aids; face the person and avoid background music.',
  'Finds sessions longer than forty minutes tiring; plan a break.',
  'Reads best with large print on cream paper.',
  'Needs visits after 11am because of morning medication.',
  '',
  '',
];

export const importantPeople = [
  'Nan ({name}), who does the school run on Thursdays.',
  'Older sister {name}; they share a bedroom.',
  'Grandad {name} and the family dog, Biscuit.',
  'Key worker {name} at the day centre.',
  'Best friend {name} from school, and Auntie {name2}.',
  'Foster carer {name}, who has looked after them since March.',
  'Their mum, {name}, and little brother {name2}.',
];

export const bestWays = [
  'Short spoken sentences with Makaton signs for key words.',
  'Drumming and rhythm games to show how they feel; louder means happier.',
  'A visual timetable and picture cards to choose between two options.',
  'Drawing together side by side rather than face to face.',
  'Movement and dance: copying and leading movements builds trust.',
  'Objects of reference, such as a cup for drinks and a coat for going out.',
  'Writing on a whiteboard and passing it back and forth.',
  'A communication app on the tablet, with their own symbols.',
  'Singing familiar songs, then pausing for them to fill in the word.',
  'Talking while doing something practical, such as baking or walking.',
];

export const whatHelps = [
  'Time to answer; count to ten before asking again.',
  'A familiar adult nearby, and the door left open.',
  'Meeting at the same time each week and saying when the visit will end.',
  'Their weighted blanket and a fidget toy.',
  'Being offered a choice of where to sit.',
  'Using their name at the start of each question.',
  'Starting with music they know before asking anything.',
];

export const whatToAvoid = [
  'Raised voices, busy rooms and more than one question at a time.',
  'Sudden touch, even a hand on the shoulder.',
  'Talking about them as if they were not there.',
  'Questions about their dad unless they raise him first.',
  'Fluorescent lighting and strong smells.',
  'Rushing the end of a session; give a five-minute warning.',
];

export const rooms = ['living room', 'kitchen', 'garden', 'bedroom', 'hallway', 'conservatory', 'back yard'];
export const activities = [
  'building a Lego garage', 'colouring at the kitchen table', 'watching CBeebies', 'playing football against the fence', 'reading a comic',
  'drawing a picture of the family', 'lining up toy cars along the skirting board', 'playing on the tablet', 'feeding the rabbit',
  'doing homework with help from their mum', 'singing along to the radio', 'doing a jigsaw on the floor',
];
export const instruments = ['djembe', 'glockenspiel', 'ukulele', 'keyboard', 'rain stick', 'tambourine', 'boomwhackers', 'ocean drum'];
export const artMaterials = ['chalk pastels', 'poster paints', 'felt-tip pens', 'clay', 'collage scraps', 'charcoal', 'watercolours'];
export const places = (town: string) => [
  `family home, ${town}`, `${town} Family Centre`, 'contact centre', `grandparents' home, ${town}`, 'school, the quiet room',
  `${town} Community Hub`, 'foster home', 'day centre', 'supported living flat', 'café near the library',
];

export const narrative = {
  home_visit: [
    'I arrived at {time} and was greeted at the door by {adult}, who showed me into the {room}.',
    'The home was {homeState} and there was food in the fridge and cupboards.',
    '{child} was {activity} when I arrived and looked up briefly before carrying on.',
    '{adult} explained that the morning had been difficult because {child} had not slept well.',
    'During the visit {adult} prepared lunch and involved {child} in buttering the bread.',
    '{child} showed me their bedroom, which had a new duvet cover with dinosaurs on it.',
    'When I asked about the week, {adult} described the school run and the new bedtime routine.',
    '{adult} became tearful when talking about contact and said it had been hard to keep going.',
  ],
  observation: [
    'I observed contact at the {place} between {child} and {adult} from {time}.',
    '{adult} arrived on time with a bag of snacks and a new storybook.',
    '{child} ran to {adult} and was lifted up for a long hug.',
    'They played snakes and ladders; {adult} let {child} win twice and praised them each time.',
    'At one point {child} became cross about losing and threw a counter; {adult} stayed calm and redirected them.',
    'The goodbye was managed well: {adult} gave a five-minute warning and a reminder of the next contact.',
    '{child} looked at the door several times during the last ten minutes.',
  ],
  phone: [
    'Telephone call with {party}, {partyRole}.',
    '{party} reported that attendance had improved to 94 per cent this half term.',
    '{party} raised a concern about a bruise noticed on Monday, which has been recorded on the school system.',
    'We agreed dates for the next professionals meeting and that I would circulate the agenda.',
    '{party} confirmed that the referral to CAMHS had been accepted and an appointment offered.',
    'I explained the timetable for the assessment and the filing deadline.',
  ],
  video_call: [
    'Video call on Teams with {adult} and the interpreter, lasting about an hour.',
    'The connection dropped twice and we reconnected by phone for the last part of the call.',
    '{adult} talked about their own childhood and time in care between the ages of nine and fifteen.',
    'We went through the genogram together and added the maternal grandparents.',
    '{adult} asked what would happen after the report is filed; I explained the next hearing.',
  ],
  meeting: [
    'Professionals meeting at the {place}, chaired by {party}.',
    'The allocated social worker summarised the current plan and the outcome of the last child in need review.',
    'Health reported that immunisations are up to date and the two-year check is booked.',
    'School described {child} as settled in class but struggling at lunchtimes.',
    'There was a difference of view about the frequency of contact, which was recorded.',
    'Actions were agreed and will be circulated by the chair.',
  ],
  creative_music: [
    'Music session with {child} in the {room}, using the {instrument} and a rain stick.',
    '{child} chose the {instrument} straight away and played a steady beat for several minutes.',
    'When I slowed the tempo {child} followed, then sped up again and laughed.',
    'We took turns leading; {child} held the lead for longer than in previous sessions.',
    '{child} hummed the tune of a song their nan used to sing.',
  ],
  creative_dance: [
    'Movement session with {child} in the {room}, with music from their playlist.',
    '{child} began by rocking side to side, then stretched their arms wide when the chorus came.',
    'Mirroring worked well; {child} copied my movements and then began to lead.',
    'Towards the end {child} curled up small on the floor and stayed still for about a minute.',
  ],
  creative_art: [
    'Art session with {child} at the kitchen table using {material}.',
    '{child} drew a house with four windows and a large sun, and added themselves in the garden.',
    'They coloured the front door bright red and said it was the door at Nan’s.',
    '{child} chose dark colours at first and later added a rainbow across the top of the page.',
    'We photographed the picture with {child}’s agreement; the photograph is kept with this note.',
  ],
  document_review: [
    'Reviewed the local authority bundle, section {section}, pages {p1} to {p2}.',
    'The chronology records {count} referrals since 2019, most relating to domestic abuse.',
    'The parenting assessment from 2023 found that {adult} could meet basic care needs with support.',
    'The school report describes good progress in reading and some difficulty with friendships.',
    'Medical records confirm a diagnosis of autism in February 2024.',
  ],
  reflection: [
    'Reflecting on today’s visit, I noticed how quickly {adult} became defensive when contact was mentioned.',
    'I need to be careful not to give more weight to the most recent incident than the history supports.',
    'Supervision helped me separate what I observed from what I was told by others.',
    'I was aware of my own feelings about the conditions in the home and have tried to set them aside.',
  ],
} as const;

export const homeStates = ['clean and tidy', 'cluttered but warm', 'cold; the heating was off', 'busy, with the television on loudly', 'calm and well organised'];

export const ownVoice = [
  '"I like it when Mum does the bedtime song."',
  '"Can I stay at Nan’s on Saturday?"',
  '"I don’t want to go to contact when it’s raining."',
  '"My room is the best bit of the house."',
  '"Dad shouts sometimes but not at me."',
  '"I want to live here forever and ever."',
  '"I miss my brother."',
  '{child} signed "more" and "music" and pointed at the {instrument}.',
  '{child} smiled and clapped when their name was sung.',
  '{child} turned away and covered their ears when the door banged.',
  '{child} drew a heart around the picture of their grandmother.',
  '{child} said nothing but took my hand and led me to the garden.',
  '"I\'m not sad, I\'m just tired."',
  '"Don’t tell the social worker about the dog."',
];

export const analysis = [
  'In my view {child} has a secure attachment to {adult}, shown by how readily they sought comfort.',
  'The warmth between {child} and {adult} appeared genuine and well established.',
  '{adult} was able to put {child}’s needs first today, which has not always been the case in the records.',
  'I consider that the concerns about routine are improving but are not yet consistent.',
  'The risk of further domestic abuse remains, and the protective factors are still untested.',
  'This supports the view that {child} communicates distress through movement rather than words.',
  '{adult} shows insight into the impact of the past on {child}, though this is fragile under pressure.',
  'I cannot yet reach a view on capacity for this decision; a further visit is needed.',
  'The evidence so far points towards {adult} being able to meet {child}’s needs with ongoing support.',
];

export const actions = [
  'Request school attendance records.',
  'Send the draft chronology to the instructing solicitor.',
  'Book an interpreter for the next visit.',
  'Chase the GP records.',
  'Arrange a further music session.',
  'Speak to the SENCo about lunchtimes.',
  'Share the photograph of the drawing with the guardian.',
  'Update the genogram.',
];

export const questions: Record<string, string[]> = {
  parenting_assessment: [
    'What are the parenting strengths and vulnerabilities of the mother and of the father?',
    'Can either parent meet the child’s needs now and throughout their minority?',
    'What support, if any, would be required, and is either parent likely to engage with it?',
    'What is the likely impact on the child of remaining in, or returning to, the care of either parent?',
    'Please comment on the parents’ capacity to change within the child’s timescales.',
  ],
  special_guardianship: [
    'Are the proposed special guardians able to meet the child’s needs into adulthood?',
    'What support plan would be needed to sustain the placement?',
    'How would the proposed special guardians manage contact with the birth parents?',
  ],
  viability_kinship: ['Is a full assessment of the proposed carers recommended?', 'Are there any immediate safeguarding concerns?'],
  s7_s37_report: [
    'What are the wishes and feelings of the child, considered in the light of their age and understanding?',
    'What arrangements for the child’s living and spending time would best meet their welfare needs?',
  ],
  care_act_assessment: ['What are the person’s eligible needs under the Care Act 2014?', 'What outcomes does the person wish to achieve in day-to-day life?'],
  mca_capacity: [
    'Does the person have capacity to decide where to live?',
    'Does the person have capacity to decide on the care they receive?',
    'What practicable steps have been taken to support the person to make the decision?',
  ],
  best_interests: ['What is in the person’s best interests regarding their residence?', 'Is there a less restrictive option available?'],
  cop_s49: ['Please report on the person’s wishes, feelings, beliefs and values.', 'What are the person’s current care arrangements, and are they working?'],
  expert_report_part25: [
    'Please set out the range of opinion on the matters in issue and give reasons for your own.',
    'What is the risk of significant harm to the child, and how could it be managed?',
  ],
  other: ['Please provide an independent view on the current care plan.'],
};

export const taskTitles = [
  'Request school attendance records', 'Send draft chronology to instructing solicitor', 'Book interpreter for next visit', 'Chase GP records',
  'File the report', 'Prepare for the issues resolution hearing', 'Arrange observation of contact', 'Read the police disclosure',
  'Send invoice for interim work', 'Confirm venue for the professionals meeting', 'Write up the capacity assessment', 'Check the bundle index',
];

export const hearingTypes = ['Case management hearing', 'Issues resolution hearing', 'Final hearing', 'Further case management hearing', 'Dispute resolution appointment', 'Directions hearing'];
