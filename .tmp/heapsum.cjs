const fs=require('fs');const s=JSON.parse(fs.readFileSync(process.argv[2]));
const f=s.snapshot.meta.node_fields, types=s.snapshot.meta.node_types[0], N=f.length, nodes=s.nodes, strings=s.strings;
const ti=f.indexOf('type'), ni=f.indexOf('name'), si=f.indexOf('self_size');
const agg=new Map(); const big=[]; let total=0;
for(let i=0;i<nodes.length;i+=N){const t=types[nodes[i+ti]];const name=strings[nodes[i+ni]];const sz=nodes[i+si];total+=sz;
 const key=t+':'+(t==='string'||t==='concatenated string'||t==='sliced string'?'(string)':name.slice(0,60));agg.set(key,(agg.get(key)||0)+sz);
 if(sz>500000)big.push([sz,t,name.slice(0,120)]);}
console.log('total MB',(total/1e6).toFixed(1));
for(const [k,v] of [...agg].sort((a,b)=>b[1]-a[1]).slice(0,25))console.log((v/1e6).toFixed(1).padStart(7),k);
console.log('--- biggest nodes');for(const b of big.sort((a,b)=>b[0]-a[0]).slice(0,30))console.log((b[0]/1e6).toFixed(2),b[1],JSON.stringify(b[2]));
