/**
 * Words that carry no content for retrieval. Besides ordinary English function words this
 * holds question words (their meaning is read separately, as the answer type) and the
 * filler of chat questions ("hey, can u tell me ... pls"), so colloquial phrasing does not
 * count as unmatched content.
 */
const FUNCTION_WORDS = `a about above after again against all am an and any are aren as at be because been before being
below between both but by can cannot could couldn did didn do does doesn doing don down during each few for from
further had hadn has hasn have haven having he her here hers herself him himself his i if in into is isn it its itself
let me more most mustn my myself no nor not of off on once only or other ought our ours ourselves out over own same
shan she should shouldn so some such than that the their theirs them themselves then there these they this those
through to too under until up very was wasn we were weren while with won would wouldn you your yours yourself
yourselves will shall might must also just else other others another besides behind within without
among across toward towards upon via per regarding concerning until till til vs versus compared us
didnt doesnt dont isnt wasnt arent werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt thats theres
youre theyre hes shes whats hows whos wheres yet ever even still already much many s t d ll re ve m o y its it's im ive id`;

const QUESTION_WORDS = `what whats which who whom whose when where why how wheres whens hows whos wen wat wut hw whn wher`;

const CHAT_FILLER = `hey hi hello yo pls plz please thanks thank thx tell know knows knew say says said saying
tellme wanna gonna gotta kinda sorta guys folks anyone anybody someone somebody something anything
really actually basically exactly roughly approximately like ok okay um uh hmm lol btw idk u ur ya yeah
bot grok-facts explain describe gimme show stated states stating find look looking want wants need needs get gets got getting
thing things stuff exactly supposed going go goes one ones kind sort way whether info information detail details
mean means meant word words answer quick quickly keep keeps kept hear hears heard hearing able unable wonder wondering
wondered curious guess think thinking thought sure maybe perhaps probably
try tries tried trying rn atm tbh ngl imo imho lmk iirc afaik tho cuz coz bc fyi smh omg lmao rofl ty tysm srsly pls fr rly
eli5 tldr tl smth`;

/**
 * Titles before a name ("Mr. Musk", "Dear Sir or Madam"): the name is what counts. Not "ms",
 * which articles write for milliseconds.
 */
const TITLES = `mr mrs dr prof sir madam`;

/**
 * Light verbs: in a question they frame what is asked ("what did the merger bring", "what chips
 * does it run on") rather than name it, and in the articles they match by accident.
 */
const LIGHT_VERBS = `make makes made making do done take takes took taken taking put puts
come comes came coming went gone happen happens happened happening run runs ran running play plays played
work works worked working seem seems seemed become becomes became
help helps helped helping hold holds held holding
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${FUNCTION_WORDS} ${QUESTION_WORDS} ${CHAT_FILLER} ${TITLES} ${LIGHT_VERBS}`.split(/\s+/).filter(Boolean),
);
