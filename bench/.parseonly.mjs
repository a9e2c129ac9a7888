import fg from 'fast-glob'; import {readFileSync} from 'node:fs'; import ts from 'typescript';
const t0=performance.now();
const files = fg.sync(['**/*.{ts,tsx,js,mjs,cjs,mts,cts,jsx}'],{cwd:process.argv[2],absolute:true,ignore:['**/node_modules/**','**/*.d.ts']});
const texts = files.map(f=>readFileSync(f,'utf8'));
const t1=performance.now();
let n=0; for (let i=0;i<files.length;i++){ const sf=ts.createSourceFile(files[i],texts[i],{languageVersion:ts.ScriptTarget.Latest,jsDocParsingMode:ts.JSDocParsingMode.ParseNone},false); n+=sf.statements.length;}
const t2=performance.now();
console.log(files.length, 'read', Math.round(t1-t0), 'parse', Math.round(t2-t1), n);
