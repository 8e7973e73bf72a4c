const MiniSearch = require('minisearch');
const fs = require('fs');
const docs = [];
for (const f of fs.readdirSync('seeds')) if (f.endsWith('.txt')) fs.readFileSync('seeds/'+f,'utf8').split(/(?<=[.!?])\s+/).forEach((t,i)=>docs.push({id: f+i, text: t}));
const ms = new MiniSearch({fields:['text']}); ms.addAll(docs); console.log(ms.search('How many parameters does Grok V9 Medium have?')[0].id);
