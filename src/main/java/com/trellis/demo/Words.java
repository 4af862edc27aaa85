package com.trellis.demo;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Word lists the generated names are made of. No real companies, only plausible ones.
 */
final class Words {

	static final String[] FIRST_NAMES = { "Alex", "Maria", "James", "Sofia", "Liam", "Emma", "Noah", "Olivia", "Lucas",
			"Mia", "Ethan", "Chloe", "Daniel", "Grace", "Mateo", "Hannah", "Omar", "Leila", "Kenji", "Yuki", "Arjun",
			"Ananya", "Wei", "Mei", "Tomás", "Inès", "Jörg", "Zoë", "Björn", "Siobhán", "Rafael", "Camila", "Felix",
			"Clara", "Hugo", "Elena", "Samuel", "Nadia", "Victor", "Isabel", "Kwame", "Amara", "Lars", "Freya", "Diego",
			"Lucía", "Marco", "Giulia", "Pavel", "Katarzyna", "Ravi", "Priya", "David", "Sarah", "Chris", "Laura",
			"Ben", "Julia", "Tariq", "Aisha" };

	static final String[] LAST_NAMES = { "Smith", "García", "Chen", "Müller", "Rossi", "Nguyen", "Patel", "Kim",
			"Johnson", "Dubois", "Novak", "Silva", "Andersson", "O'Brien", "Kowalski", "Tanaka", "Okafor", "Haddad",
			"Fischer", "Moreau", "López", "Brown", "Wilson", "Taylor", "Martin", "Lefèvre", "Jensen", "Costa", "Sato",
			"Ivanova", "Murphy", "Schneider", "Romano", "Hughes", "Larsen", "Mendes", "Reyes", "Clarke", "Walsh",
			"Becker", "Shah", "Nakamura", "Eriksen", "Petrov", "Alvarez", "Bianchi", "Khan", "Ward", "Byrne", "Singh" };

	static final String[] VERTICALS = { "Healthcare", "Financial services", "Retail", "Manufacturing", "Public sector",
			"Education", "Media", "Energy", "Logistics", "Telecommunications" };

	static final String[] CAPABILITIES = { "Implementation", "Managed services", "Integration", "Advisory", "Training",
			"Data migration", "Security", "Analytics", "Cloud operations", "Custom development" };

	static final String[] REGIONS = { "North America", "EMEA", "APAC", "LATAM" };

	static final double[] REGION_WEIGHTS = { 45, 30, 15, 10 };

	static final String[] PARTNER_HEADS = { "Blue", "Iron", "Summit", "Cedar", "Harbor", "Silver", "Granite", "Apex",
			"Crescent", "Redwood", "Lumen", "Vertex", "Beacon", "Keystone", "Meridian", "Polar", "Quartz", "Sterling",
			"Tidewater", "Copper", "Falcon", "Aurora", "Evergreen", "Pinnacle", "Orbit", "Nimbus", "Cobalt", "Maple",
			"Harvest", "Atlas", "Bright", "Clear", "Deep", "High", "North", "West", "Stone", "Oak", "Pine", "Swift" };

	static final String[] PARTNER_TAILS = { "bridge", "point", "stone", "wave", "field", "line", "gate", "path", "peak",
			"works", "forge", "lake", "hill", "rock", "crest", "view", "spring", "light", "shore", "vale" };

	static final String[][] PARTNER_SUFFIXES = {
			{ "Systems", "Consulting", "Solutions", "Digital", "Technologies", "Group" },
			{ "Distribution", "IT Supply", "Direct", "Networks", "Computing" },
			{ "Labs", "Software", "AI", "Analytics", "Cloud" }, { "Partners", "Connect", "Ventures", "Network" },
			{ "Advisory", "Strategy Group", "& Co.", "Associates" } };

	static final String[] COUNTRIES = { "US", "GB", "DE", "FR", "NL", "CA", "AU", "SE", "ES", "IT" };

	static final double[] COUNTRY_WEIGHTS = { 45, 10, 10, 7, 5, 6, 5, 4, 4, 4 };

	static final String[] TLDS = { ".com", ".com", ".com", ".io", ".net", ".co", ".eu", ".co.uk", ".de" };

	static final String[] ACCOUNT_HEADS = { "Granite Ridge", "Lakeshore", "Northgate", "Riverbend", "Pacific Crest",
			"Oakmont", "Silverline", "Brightwater", "Fairview", "Highland", "Kingsbridge", "Westfield", "Eastport",
			"Greenleaf", "Bayview", "Stonebrook", "Clearwater", "Ashford", "Marlow", "Whitmore", "Redstone", "Sunridge",
			"Harborview", "Elmwood", "Pinecrest", "Trident", "Coastal", "Prairie", "Summit Valley", "Hollis" };

	static final String[] ACCENTED_HEADS = { "Müller", "Lefèvre", "Jiménez", "Søndergaard", "Nuñez", "Brandão",
			"Østergaard", "Łukasik", "Göransson", "Béranger", "Dvořák", "Çelik" };

	static final String[][] INDUSTRY_NOUNS = { { "Health", "Medical", "Clinics", "Care Partners" },
			{ "Bank", "Capital", "Insurance", "Financial" }, { "Stores", "Outfitters", "Market", "Goods" },
			{ "Industries", "Manufacturing", "Components", "Fabrication" },
			{ "County Services", "Transit Authority", "Water District", "City Council" },
			{ "University", "College", "Schools", "Learning" }, { "Media", "Studios", "Publishing", "Broadcasting" },
			{ "Energy", "Power", "Utilities", "Renewables" }, { "Logistics", "Freight", "Shipping", "Transport" },
			{ "Telecom", "Communications", "Mobile", "Fiber" } };

	static final String[] LEGAL_SUFFIXES = { "Inc.", "LLC", "GmbH", "Ltd", "S.A.", "Corp." };

	static final String[] EMPLOYEE_BANDS = { "1-50", "51-200", "201-1000", "1001-5000", "5000+" };

	static final double[] EMPLOYEE_BAND_WEIGHTS = { 15, 25, 30, 20, 10 };

	static final String[] USE_CASES = { "Platform expansion", "Data migration", "Analytics rollout", "New logo",
			"Security upgrade", "Cloud migration", "Customer portal", "Support tier upgrade", "Regional rollout",
			"Renewal and upsell", "Integration project", "Pilot", "Enterprise agreement", "Workflow automation" };

	static final String[] TEAM_REGIONS = { "West", "East", "Central", "EMEA", "APAC", "LATAM", "South", "DACH",
			"UK & Ireland", "Nordics", "ANZ", "Canada" };

	static final String[] COURSES = { "Product fundamentals", "Solution selling", "Technical deep dive",
			"Implementation methodology", "Security and compliance", "Pricing and packaging",
			"Demo certification prep" };

	static final String[] CERTIFICATIONS = { "Certified Sales Professional", "Certified Solution Architect",
			"Certified Implementation Specialist", "Certified Support Engineer" };

	static final String[] PLAYS = { "Competitive displacement", "Cloud migration accelerator", "Upsell to analytics",
			"Public sector quick start", "Renewal rescue", "Executive briefing kit" };

	static final String[] CONTENT = { "Partner pricing guide", "Battlecard: incumbents", "Customer case study",
			"Reference architecture", "Quarterly roadmap webinar", "Co-marketing toolkit", "Deal registration guide" };

	private Words() {
	}

	/** Lower-case ASCII letters and digits only: "Müller & Co." becomes "mullerco". */
	static String slug(String text) {
		var plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replace("ø", "o").replace("ł", "l").replaceAll("[^a-z0-9]", "");
	}

}
