PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES(1);
INSERT INTO schema_version VALUES(2);
INSERT INTO schema_version VALUES(3);
INSERT INTO schema_version VALUES(4);
INSERT INTO schema_version VALUES(5);
INSERT INTO schema_version VALUES(6);
INSERT INTO schema_version VALUES(7);
INSERT INTO schema_version VALUES(8);
INSERT INTO schema_version VALUES(10);
INSERT INTO schema_version VALUES(12);
INSERT INTO schema_version VALUES(13);
INSERT INTO schema_version VALUES(14);
INSERT INTO schema_version VALUES(15);
CREATE TABLE settings (
	key   TEXT NOT NULL PRIMARY KEY,
	value TEXT NOT NULL
);
INSERT INTO settings VALUES('gov_sanction_cap_months','48');
INSERT INTO settings VALUES('region','230100');
INSERT INTO settings VALUES('commission','测试市纪委监委');
CREATE TABLE holidays (
	day     TEXT NOT NULL PRIMARY KEY,
	off_day INTEGER NOT NULL CHECK (off_day IN (0, 1)),
	name    TEXT NOT NULL
);
INSERT INTO holidays VALUES('2006-12-30',0,'元旦');
INSERT INTO holidays VALUES('2006-12-31',0,'元旦');
INSERT INTO holidays VALUES('2007-01-01',1,'元旦');
INSERT INTO holidays VALUES('2007-01-02',1,'元旦');
INSERT INTO holidays VALUES('2007-01-03',1,'元旦');
INSERT INTO holidays VALUES('2007-02-17',0,'春节');
INSERT INTO holidays VALUES('2007-02-18',1,'春节');
INSERT INTO holidays VALUES('2007-02-19',1,'春节');
INSERT INTO holidays VALUES('2007-02-20',1,'春节');
INSERT INTO holidays VALUES('2007-02-21',1,'春节');
INSERT INTO holidays VALUES('2007-02-22',1,'春节');
INSERT INTO holidays VALUES('2007-02-23',1,'春节');
INSERT INTO holidays VALUES('2007-02-24',1,'春节');
INSERT INTO holidays VALUES('2007-02-25',0,'春节');
INSERT INTO holidays VALUES('2007-04-28',0,'“五一”');
INSERT INTO holidays VALUES('2007-04-29',0,'“五一”');
INSERT INTO holidays VALUES('2007-05-01',1,'“五一”');
INSERT INTO holidays VALUES('2007-05-02',1,'“五一”');
INSERT INTO holidays VALUES('2007-05-03',1,'“五一”');
INSERT INTO holidays VALUES('2007-05-04',1,'“五一”');
INSERT INTO holidays VALUES('2007-05-05',1,'“五一”');
INSERT INTO holidays VALUES('2007-05-06',1,'“五一”');
INSERT INTO holidays VALUES('2007-05-07',1,'“五一”');
INSERT INTO holidays VALUES('2007-09-29',0,'“十一”');
INSERT INTO holidays VALUES('2007-09-30',0,'“十一”');
INSERT INTO holidays VALUES('2007-10-01',1,'“十一”');
INSERT INTO holidays VALUES('2007-10-02',1,'“十一”');
INSERT INTO holidays VALUES('2007-10-03',1,'“十一”');
INSERT INTO holidays VALUES('2007-10-04',1,'“十一”');
INSERT INTO holidays VALUES('2007-10-05',1,'“十一”');
INSERT INTO holidays VALUES('2007-10-06',1,'“十一”');
INSERT INTO holidays VALUES('2007-10-07',1,'“十一”');
INSERT INTO holidays VALUES('2007-12-29',0,'元旦');
INSERT INTO holidays VALUES('2007-12-30',1,'元旦');
INSERT INTO holidays VALUES('2007-12-31',1,'元旦');
INSERT INTO holidays VALUES('2008-01-01',1,'元旦');
INSERT INTO holidays VALUES('2008-02-02',0,'春节');
INSERT INTO holidays VALUES('2008-02-03',0,'春节');
INSERT INTO holidays VALUES('2008-02-06',1,'春节');
INSERT INTO holidays VALUES('2008-02-07',1,'春节');
INSERT INTO holidays VALUES('2008-02-08',1,'春节');
INSERT INTO holidays VALUES('2008-02-09',1,'春节');
INSERT INTO holidays VALUES('2008-02-10',1,'春节');
INSERT INTO holidays VALUES('2008-02-11',1,'春节');
INSERT INTO holidays VALUES('2008-02-12',1,'春节');
INSERT INTO holidays VALUES('2008-04-04',1,'清明节');
INSERT INTO holidays VALUES('2008-04-05',1,'清明节');
INSERT INTO holidays VALUES('2008-04-06',1,'清明节');
INSERT INTO holidays VALUES('2008-05-01',1,'“五一”国际劳动节');
INSERT INTO holidays VALUES('2008-05-02',1,'“五一”国际劳动节');
INSERT INTO holidays VALUES('2008-05-03',1,'“五一”国际劳动节');
INSERT INTO holidays VALUES('2008-05-04',0,'“五一”国际劳动节');
INSERT INTO holidays VALUES('2008-06-07',1,'端午节');
INSERT INTO holidays VALUES('2008-06-08',1,'端午节');
INSERT INTO holidays VALUES('2008-06-09',1,'端午节');
INSERT INTO holidays VALUES('2008-09-13',1,'中秋节');
INSERT INTO holidays VALUES('2008-09-14',1,'中秋节');
INSERT INTO holidays VALUES('2008-09-15',1,'中秋节');
INSERT INTO holidays VALUES('2008-09-27',0,'国庆节');
INSERT INTO holidays VALUES('2008-09-28',0,'国庆节');
INSERT INTO holidays VALUES('2008-09-29',1,'国庆节');
INSERT INTO holidays VALUES('2008-09-30',1,'国庆节');
INSERT INTO holidays VALUES('2008-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2008-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2008-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2008-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2008-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2009-01-01',1,'元旦');
INSERT INTO holidays VALUES('2009-01-02',1,'元旦');
INSERT INTO holidays VALUES('2009-01-03',1,'元旦');
INSERT INTO holidays VALUES('2009-01-04',0,'元旦');
INSERT INTO holidays VALUES('2009-01-24',0,'春节');
INSERT INTO holidays VALUES('2009-01-25',1,'春节');
INSERT INTO holidays VALUES('2009-01-26',1,'春节');
INSERT INTO holidays VALUES('2009-01-27',1,'春节');
INSERT INTO holidays VALUES('2009-01-28',1,'春节');
INSERT INTO holidays VALUES('2009-01-29',1,'春节');
INSERT INTO holidays VALUES('2009-01-30',1,'春节');
INSERT INTO holidays VALUES('2009-01-31',1,'春节');
INSERT INTO holidays VALUES('2009-02-01',0,'春节');
INSERT INTO holidays VALUES('2009-04-04',1,'清明节');
INSERT INTO holidays VALUES('2009-04-05',1,'清明节');
INSERT INTO holidays VALUES('2009-04-06',1,'清明节');
INSERT INTO holidays VALUES('2009-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2009-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2009-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2009-05-28',1,'端午节');
INSERT INTO holidays VALUES('2009-05-29',1,'端午节');
INSERT INTO holidays VALUES('2009-05-30',1,'端午节');
INSERT INTO holidays VALUES('2009-05-31',0,'端午节');
INSERT INTO holidays VALUES('2009-09-27',0,'国庆节、中秋节');
INSERT INTO holidays VALUES('2009-10-01',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2009-10-02',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2009-10-03',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2009-10-04',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2009-10-05',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2009-10-06',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2009-10-07',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2009-10-08',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2009-10-10',0,'国庆节、中秋节');
INSERT INTO holidays VALUES('2010-01-01',1,'元旦');
INSERT INTO holidays VALUES('2010-01-02',1,'元旦');
INSERT INTO holidays VALUES('2010-01-03',1,'元旦');
INSERT INTO holidays VALUES('2010-02-13',1,'春节');
INSERT INTO holidays VALUES('2010-02-14',1,'春节');
INSERT INTO holidays VALUES('2010-02-15',1,'春节');
INSERT INTO holidays VALUES('2010-02-16',1,'春节');
INSERT INTO holidays VALUES('2010-02-17',1,'春节');
INSERT INTO holidays VALUES('2010-02-18',1,'春节');
INSERT INTO holidays VALUES('2010-02-19',1,'春节');
INSERT INTO holidays VALUES('2010-02-20',0,'春节');
INSERT INTO holidays VALUES('2010-02-21',0,'春节');
INSERT INTO holidays VALUES('2010-04-03',1,'清明节');
INSERT INTO holidays VALUES('2010-04-04',1,'清明节');
INSERT INTO holidays VALUES('2010-04-05',1,'清明节');
INSERT INTO holidays VALUES('2010-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2010-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2010-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2010-06-12',0,'端午节');
INSERT INTO holidays VALUES('2010-06-13',0,'端午节');
INSERT INTO holidays VALUES('2010-06-14',1,'端午节');
INSERT INTO holidays VALUES('2010-06-15',1,'端午节');
INSERT INTO holidays VALUES('2010-06-16',1,'端午节');
INSERT INTO holidays VALUES('2010-09-19',0,'中秋节');
INSERT INTO holidays VALUES('2010-09-22',1,'中秋节');
INSERT INTO holidays VALUES('2010-09-23',1,'中秋节');
INSERT INTO holidays VALUES('2010-09-24',1,'中秋节');
INSERT INTO holidays VALUES('2010-09-25',0,'中秋节');
INSERT INTO holidays VALUES('2010-09-26',0,'国庆节');
INSERT INTO holidays VALUES('2010-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2010-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2010-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2010-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2010-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2010-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2010-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2010-10-09',0,'国庆节');
INSERT INTO holidays VALUES('2011-01-01',1,'元旦');
INSERT INTO holidays VALUES('2011-01-02',1,'元旦');
INSERT INTO holidays VALUES('2011-01-03',1,'元旦');
INSERT INTO holidays VALUES('2011-01-30',0,'春节');
INSERT INTO holidays VALUES('2011-02-02',1,'春节');
INSERT INTO holidays VALUES('2011-02-03',1,'春节');
INSERT INTO holidays VALUES('2011-02-04',1,'春节');
INSERT INTO holidays VALUES('2011-02-05',1,'春节');
INSERT INTO holidays VALUES('2011-02-06',1,'春节');
INSERT INTO holidays VALUES('2011-02-07',1,'春节');
INSERT INTO holidays VALUES('2011-02-08',1,'春节');
INSERT INTO holidays VALUES('2011-02-12',0,'春节');
INSERT INTO holidays VALUES('2011-04-02',0,'清明节');
INSERT INTO holidays VALUES('2011-04-03',1,'清明节');
INSERT INTO holidays VALUES('2011-04-04',1,'清明节');
INSERT INTO holidays VALUES('2011-04-05',1,'清明节');
INSERT INTO holidays VALUES('2011-04-30',1,'劳动节');
INSERT INTO holidays VALUES('2011-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2011-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2011-06-04',1,'端午节');
INSERT INTO holidays VALUES('2011-06-05',1,'端午节');
INSERT INTO holidays VALUES('2011-06-06',1,'端午节');
INSERT INTO holidays VALUES('2011-09-10',1,'中秋节');
INSERT INTO holidays VALUES('2011-09-11',1,'中秋节');
INSERT INTO holidays VALUES('2011-09-12',1,'中秋节');
INSERT INTO holidays VALUES('2011-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2011-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2011-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2011-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2011-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2011-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2011-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2011-10-08',0,'国庆节');
INSERT INTO holidays VALUES('2011-10-09',0,'国庆节');
INSERT INTO holidays VALUES('2011-12-31',0,'元旦');
INSERT INTO holidays VALUES('2012-01-01',1,'元旦');
INSERT INTO holidays VALUES('2012-01-02',1,'元旦');
INSERT INTO holidays VALUES('2012-01-03',1,'元旦');
INSERT INTO holidays VALUES('2012-01-21',0,'春节');
INSERT INTO holidays VALUES('2012-01-22',1,'春节');
INSERT INTO holidays VALUES('2012-01-23',1,'春节');
INSERT INTO holidays VALUES('2012-01-24',1,'春节');
INSERT INTO holidays VALUES('2012-01-25',1,'春节');
INSERT INTO holidays VALUES('2012-01-26',1,'春节');
INSERT INTO holidays VALUES('2012-01-27',1,'春节');
INSERT INTO holidays VALUES('2012-01-28',1,'春节');
INSERT INTO holidays VALUES('2012-01-29',0,'春节');
INSERT INTO holidays VALUES('2012-03-31',0,'清明节');
INSERT INTO holidays VALUES('2012-04-01',0,'清明节');
INSERT INTO holidays VALUES('2012-04-02',1,'清明节');
INSERT INTO holidays VALUES('2012-04-03',1,'清明节');
INSERT INTO holidays VALUES('2012-04-04',1,'清明节');
INSERT INTO holidays VALUES('2012-04-28',0,'劳动节');
INSERT INTO holidays VALUES('2012-04-29',1,'劳动节');
INSERT INTO holidays VALUES('2012-04-30',1,'劳动节');
INSERT INTO holidays VALUES('2012-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2012-06-22',1,'端午节');
INSERT INTO holidays VALUES('2012-06-23',1,'端午节');
INSERT INTO holidays VALUES('2012-06-24',1,'端午节');
INSERT INTO holidays VALUES('2012-09-29',0,'中秋节、国庆节');
INSERT INTO holidays VALUES('2012-09-30',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2012-10-01',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2012-10-02',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2012-10-03',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2012-10-04',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2012-10-05',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2012-10-06',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2012-10-07',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2013-01-01',1,'元旦');
INSERT INTO holidays VALUES('2013-01-02',1,'元旦');
INSERT INTO holidays VALUES('2013-01-03',1,'元旦');
INSERT INTO holidays VALUES('2013-01-05',0,'元旦');
INSERT INTO holidays VALUES('2013-01-06',0,'元旦');
INSERT INTO holidays VALUES('2013-02-09',1,'春节');
INSERT INTO holidays VALUES('2013-02-10',1,'春节');
INSERT INTO holidays VALUES('2013-02-11',1,'春节');
INSERT INTO holidays VALUES('2013-02-12',1,'春节');
INSERT INTO holidays VALUES('2013-02-13',1,'春节');
INSERT INTO holidays VALUES('2013-02-14',1,'春节');
INSERT INTO holidays VALUES('2013-02-15',1,'春节');
INSERT INTO holidays VALUES('2013-02-16',0,'春节');
INSERT INTO holidays VALUES('2013-02-17',0,'春节');
INSERT INTO holidays VALUES('2013-04-04',1,'清明节');
INSERT INTO holidays VALUES('2013-04-05',1,'清明节');
INSERT INTO holidays VALUES('2013-04-06',1,'清明节');
INSERT INTO holidays VALUES('2013-04-07',0,'清明节');
INSERT INTO holidays VALUES('2013-04-27',0,'劳动节');
INSERT INTO holidays VALUES('2013-04-28',0,'劳动节');
INSERT INTO holidays VALUES('2013-04-29',1,'劳动节');
INSERT INTO holidays VALUES('2013-04-30',1,'劳动节');
INSERT INTO holidays VALUES('2013-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2013-06-08',0,'端午节');
INSERT INTO holidays VALUES('2013-06-09',0,'端午节');
INSERT INTO holidays VALUES('2013-06-10',1,'端午节');
INSERT INTO holidays VALUES('2013-06-11',1,'端午节');
INSERT INTO holidays VALUES('2013-06-12',1,'端午节');
INSERT INTO holidays VALUES('2013-09-19',1,'中秋节');
INSERT INTO holidays VALUES('2013-09-20',1,'中秋节');
INSERT INTO holidays VALUES('2013-09-21',1,'中秋节');
INSERT INTO holidays VALUES('2013-09-22',0,'中秋节');
INSERT INTO holidays VALUES('2013-09-29',0,'国庆节');
INSERT INTO holidays VALUES('2013-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2013-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2013-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2013-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2013-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2013-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2013-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2013-10-12',0,'国庆节');
INSERT INTO holidays VALUES('2014-01-01',1,'元旦');
INSERT INTO holidays VALUES('2014-01-26',0,'春节');
INSERT INTO holidays VALUES('2014-01-31',1,'春节');
INSERT INTO holidays VALUES('2014-02-01',1,'春节');
INSERT INTO holidays VALUES('2014-02-02',1,'春节');
INSERT INTO holidays VALUES('2014-02-03',1,'春节');
INSERT INTO holidays VALUES('2014-02-04',1,'春节');
INSERT INTO holidays VALUES('2014-02-05',1,'春节');
INSERT INTO holidays VALUES('2014-02-06',1,'春节');
INSERT INTO holidays VALUES('2014-02-08',0,'春节');
INSERT INTO holidays VALUES('2014-04-05',1,'清明节');
INSERT INTO holidays VALUES('2014-04-07',1,'清明节');
INSERT INTO holidays VALUES('2014-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2014-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2014-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2014-05-04',0,'劳动节');
INSERT INTO holidays VALUES('2014-06-02',1,'端午节');
INSERT INTO holidays VALUES('2014-09-08',1,'中秋节');
INSERT INTO holidays VALUES('2014-09-28',0,'国庆节');
INSERT INTO holidays VALUES('2014-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2014-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2014-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2014-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2014-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2014-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2014-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2014-10-11',0,'国庆节');
INSERT INTO holidays VALUES('2015-01-01',1,'元旦');
INSERT INTO holidays VALUES('2015-01-02',1,'元旦');
INSERT INTO holidays VALUES('2015-01-03',1,'元旦');
INSERT INTO holidays VALUES('2015-01-04',0,'元旦');
INSERT INTO holidays VALUES('2015-02-15',0,'春节');
INSERT INTO holidays VALUES('2015-02-18',1,'春节');
INSERT INTO holidays VALUES('2015-02-19',1,'春节');
INSERT INTO holidays VALUES('2015-02-20',1,'春节');
INSERT INTO holidays VALUES('2015-02-21',1,'春节');
INSERT INTO holidays VALUES('2015-02-22',1,'春节');
INSERT INTO holidays VALUES('2015-02-23',1,'春节');
INSERT INTO holidays VALUES('2015-02-24',1,'春节');
INSERT INTO holidays VALUES('2015-02-28',0,'春节');
INSERT INTO holidays VALUES('2015-04-05',1,'清明节');
INSERT INTO holidays VALUES('2015-04-06',1,'清明节');
INSERT INTO holidays VALUES('2015-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2015-06-20',1,'端午节');
INSERT INTO holidays VALUES('2015-06-22',1,'端午节');
INSERT INTO holidays VALUES('2015-09-03',1,'抗日战争暨世界反法西斯战争胜利70周年纪念日');
INSERT INTO holidays VALUES('2015-09-04',1,'抗日战争暨世界反法西斯战争胜利70周年纪念日');
INSERT INTO holidays VALUES('2015-09-05',1,'抗日战争暨世界反法西斯战争胜利70周年纪念日');
INSERT INTO holidays VALUES('2015-09-06',0,'抗日战争暨世界反法西斯战争胜利70周年纪念日');
INSERT INTO holidays VALUES('2015-09-27',1,'中秋节');
INSERT INTO holidays VALUES('2015-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2015-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2015-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2015-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2015-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2015-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2015-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2015-10-10',0,'国庆节');
INSERT INTO holidays VALUES('2016-01-01',1,'元旦');
INSERT INTO holidays VALUES('2016-02-06',0,'春节');
INSERT INTO holidays VALUES('2016-02-07',1,'春节');
INSERT INTO holidays VALUES('2016-02-08',1,'春节');
INSERT INTO holidays VALUES('2016-02-09',1,'春节');
INSERT INTO holidays VALUES('2016-02-10',1,'春节');
INSERT INTO holidays VALUES('2016-02-11',1,'春节');
INSERT INTO holidays VALUES('2016-02-12',1,'春节');
INSERT INTO holidays VALUES('2016-02-13',1,'春节');
INSERT INTO holidays VALUES('2016-02-14',0,'春节');
INSERT INTO holidays VALUES('2016-04-04',1,'清明节');
INSERT INTO holidays VALUES('2016-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2016-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2016-06-09',1,'端午节');
INSERT INTO holidays VALUES('2016-06-10',1,'端午节');
INSERT INTO holidays VALUES('2016-06-11',1,'端午节');
INSERT INTO holidays VALUES('2016-06-12',0,'端午节');
INSERT INTO holidays VALUES('2016-09-15',1,'中秋节');
INSERT INTO holidays VALUES('2016-09-16',1,'中秋节');
INSERT INTO holidays VALUES('2016-09-17',1,'中秋节');
INSERT INTO holidays VALUES('2016-09-18',0,'中秋节');
INSERT INTO holidays VALUES('2016-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2016-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2016-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2016-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2016-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2016-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2016-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2016-10-08',0,'国庆节');
INSERT INTO holidays VALUES('2016-10-09',0,'国庆节');
INSERT INTO holidays VALUES('2017-01-01',1,'元旦');
INSERT INTO holidays VALUES('2017-01-02',1,'元旦');
INSERT INTO holidays VALUES('2017-01-22',0,'春节');
INSERT INTO holidays VALUES('2017-01-27',1,'春节');
INSERT INTO holidays VALUES('2017-01-28',1,'春节');
INSERT INTO holidays VALUES('2017-01-29',1,'春节');
INSERT INTO holidays VALUES('2017-01-30',1,'春节');
INSERT INTO holidays VALUES('2017-01-31',1,'春节');
INSERT INTO holidays VALUES('2017-02-01',1,'春节');
INSERT INTO holidays VALUES('2017-02-02',1,'春节');
INSERT INTO holidays VALUES('2017-02-04',0,'春节');
INSERT INTO holidays VALUES('2017-04-01',0,'清明节');
INSERT INTO holidays VALUES('2017-04-02',1,'清明节');
INSERT INTO holidays VALUES('2017-04-03',1,'清明节');
INSERT INTO holidays VALUES('2017-04-04',1,'清明节');
INSERT INTO holidays VALUES('2017-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2017-05-27',0,'端午节');
INSERT INTO holidays VALUES('2017-05-28',1,'端午节');
INSERT INTO holidays VALUES('2017-05-29',1,'端午节');
INSERT INTO holidays VALUES('2017-05-30',1,'端午节');
INSERT INTO holidays VALUES('2017-09-30',0,'中秋节、国庆节');
INSERT INTO holidays VALUES('2017-10-01',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2017-10-02',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2017-10-03',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2017-10-04',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2017-10-05',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2017-10-06',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2017-10-07',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2017-10-08',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2018-01-01',1,'元旦');
INSERT INTO holidays VALUES('2018-02-11',0,'春节');
INSERT INTO holidays VALUES('2018-02-15',1,'春节');
INSERT INTO holidays VALUES('2018-02-16',1,'春节');
INSERT INTO holidays VALUES('2018-02-17',1,'春节');
INSERT INTO holidays VALUES('2018-02-18',1,'春节');
INSERT INTO holidays VALUES('2018-02-19',1,'春节');
INSERT INTO holidays VALUES('2018-02-20',1,'春节');
INSERT INTO holidays VALUES('2018-02-21',1,'春节');
INSERT INTO holidays VALUES('2018-02-24',0,'春节');
INSERT INTO holidays VALUES('2018-04-05',1,'清明节');
INSERT INTO holidays VALUES('2018-04-06',1,'清明节');
INSERT INTO holidays VALUES('2018-04-07',1,'清明节');
INSERT INTO holidays VALUES('2018-04-08',0,'清明节');
INSERT INTO holidays VALUES('2018-04-28',0,'劳动节');
INSERT INTO holidays VALUES('2018-04-29',1,'劳动节');
INSERT INTO holidays VALUES('2018-04-30',1,'劳动节');
INSERT INTO holidays VALUES('2018-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2018-06-18',1,'端午节');
INSERT INTO holidays VALUES('2018-09-24',1,'中秋节');
INSERT INTO holidays VALUES('2018-09-29',0,'国庆节');
INSERT INTO holidays VALUES('2018-09-30',0,'国庆节');
INSERT INTO holidays VALUES('2018-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2018-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2018-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2018-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2018-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2018-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2018-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2018-12-29',0,'元旦');
INSERT INTO holidays VALUES('2018-12-30',1,'元旦');
INSERT INTO holidays VALUES('2018-12-31',1,'元旦');
INSERT INTO holidays VALUES('2019-01-01',1,'元旦');
INSERT INTO holidays VALUES('2019-02-02',0,'春节');
INSERT INTO holidays VALUES('2019-02-03',0,'春节');
INSERT INTO holidays VALUES('2019-02-04',1,'春节');
INSERT INTO holidays VALUES('2019-02-05',1,'春节');
INSERT INTO holidays VALUES('2019-02-06',1,'春节');
INSERT INTO holidays VALUES('2019-02-07',1,'春节');
INSERT INTO holidays VALUES('2019-02-08',1,'春节');
INSERT INTO holidays VALUES('2019-02-09',1,'春节');
INSERT INTO holidays VALUES('2019-02-10',1,'春节');
INSERT INTO holidays VALUES('2019-04-05',1,'清明节');
INSERT INTO holidays VALUES('2019-04-28',0,'劳动节');
INSERT INTO holidays VALUES('2019-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2019-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2019-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2019-05-04',1,'劳动节');
INSERT INTO holidays VALUES('2019-05-05',0,'劳动节');
INSERT INTO holidays VALUES('2019-06-07',1,'端午节');
INSERT INTO holidays VALUES('2019-09-13',1,'中秋节');
INSERT INTO holidays VALUES('2019-09-29',0,'国庆节');
INSERT INTO holidays VALUES('2019-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2019-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2019-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2019-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2019-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2019-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2019-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2019-10-12',0,'国庆节');
INSERT INTO holidays VALUES('2020-01-01',1,'元旦');
INSERT INTO holidays VALUES('2020-01-19',0,'春节');
INSERT INTO holidays VALUES('2020-01-24',1,'春节');
INSERT INTO holidays VALUES('2020-01-25',1,'春节');
INSERT INTO holidays VALUES('2020-01-26',1,'春节');
INSERT INTO holidays VALUES('2020-01-27',1,'春节');
INSERT INTO holidays VALUES('2020-01-28',1,'春节');
INSERT INTO holidays VALUES('2020-01-29',1,'春节');
INSERT INTO holidays VALUES('2020-01-30',1,'春节');
INSERT INTO holidays VALUES('2020-01-31',1,'春节');
INSERT INTO holidays VALUES('2020-02-01',1,'春节');
INSERT INTO holidays VALUES('2020-02-02',1,'春节');
INSERT INTO holidays VALUES('2020-02-03',0,'春节');
INSERT INTO holidays VALUES('2020-04-04',1,'清明节');
INSERT INTO holidays VALUES('2020-04-05',1,'清明节');
INSERT INTO holidays VALUES('2020-04-06',1,'清明节');
INSERT INTO holidays VALUES('2020-04-26',0,'劳动节');
INSERT INTO holidays VALUES('2020-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2020-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2020-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2020-05-04',1,'劳动节');
INSERT INTO holidays VALUES('2020-05-05',1,'劳动节');
INSERT INTO holidays VALUES('2020-05-09',0,'劳动节');
INSERT INTO holidays VALUES('2020-06-25',1,'端午节');
INSERT INTO holidays VALUES('2020-06-26',1,'端午节');
INSERT INTO holidays VALUES('2020-06-27',1,'端午节');
INSERT INTO holidays VALUES('2020-06-28',0,'端午节');
INSERT INTO holidays VALUES('2020-09-27',0,'国庆节、中秋节');
INSERT INTO holidays VALUES('2020-10-01',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2020-10-02',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2020-10-03',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2020-10-04',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2020-10-05',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2020-10-06',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2020-10-07',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2020-10-08',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2020-10-10',0,'国庆节、中秋节');
INSERT INTO holidays VALUES('2021-01-01',1,'元旦');
INSERT INTO holidays VALUES('2021-01-02',1,'元旦');
INSERT INTO holidays VALUES('2021-01-03',1,'元旦');
INSERT INTO holidays VALUES('2021-02-07',0,'春节');
INSERT INTO holidays VALUES('2021-02-11',1,'春节');
INSERT INTO holidays VALUES('2021-02-12',1,'春节');
INSERT INTO holidays VALUES('2021-02-13',1,'春节');
INSERT INTO holidays VALUES('2021-02-14',1,'春节');
INSERT INTO holidays VALUES('2021-02-15',1,'春节');
INSERT INTO holidays VALUES('2021-02-16',1,'春节');
INSERT INTO holidays VALUES('2021-02-17',1,'春节');
INSERT INTO holidays VALUES('2021-02-20',0,'春节');
INSERT INTO holidays VALUES('2021-04-03',1,'清明节');
INSERT INTO holidays VALUES('2021-04-04',1,'清明节');
INSERT INTO holidays VALUES('2021-04-05',1,'清明节');
INSERT INTO holidays VALUES('2021-04-25',0,'劳动节');
INSERT INTO holidays VALUES('2021-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2021-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2021-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2021-05-04',1,'劳动节');
INSERT INTO holidays VALUES('2021-05-05',1,'劳动节');
INSERT INTO holidays VALUES('2021-05-08',0,'劳动节');
INSERT INTO holidays VALUES('2021-06-12',1,'端午节');
INSERT INTO holidays VALUES('2021-06-13',1,'端午节');
INSERT INTO holidays VALUES('2021-06-14',1,'端午节');
INSERT INTO holidays VALUES('2021-09-18',0,'中秋节');
INSERT INTO holidays VALUES('2021-09-19',1,'中秋节');
INSERT INTO holidays VALUES('2021-09-20',1,'中秋节');
INSERT INTO holidays VALUES('2021-09-21',1,'中秋节');
INSERT INTO holidays VALUES('2021-09-26',0,'国庆节');
INSERT INTO holidays VALUES('2021-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2021-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2021-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2021-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2021-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2021-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2021-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2021-10-09',0,'国庆节');
INSERT INTO holidays VALUES('2022-01-01',1,'元旦');
INSERT INTO holidays VALUES('2022-01-02',1,'元旦');
INSERT INTO holidays VALUES('2022-01-03',1,'元旦');
INSERT INTO holidays VALUES('2022-01-29',0,'春节');
INSERT INTO holidays VALUES('2022-01-30',0,'春节');
INSERT INTO holidays VALUES('2022-01-31',1,'春节');
INSERT INTO holidays VALUES('2022-02-01',1,'春节');
INSERT INTO holidays VALUES('2022-02-02',1,'春节');
INSERT INTO holidays VALUES('2022-02-03',1,'春节');
INSERT INTO holidays VALUES('2022-02-04',1,'春节');
INSERT INTO holidays VALUES('2022-02-05',1,'春节');
INSERT INTO holidays VALUES('2022-02-06',1,'春节');
INSERT INTO holidays VALUES('2022-04-02',0,'清明节');
INSERT INTO holidays VALUES('2022-04-03',1,'清明节');
INSERT INTO holidays VALUES('2022-04-04',1,'清明节');
INSERT INTO holidays VALUES('2022-04-05',1,'清明节');
INSERT INTO holidays VALUES('2022-04-24',0,'劳动节');
INSERT INTO holidays VALUES('2022-04-30',1,'劳动节');
INSERT INTO holidays VALUES('2022-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2022-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2022-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2022-05-04',1,'劳动节');
INSERT INTO holidays VALUES('2022-05-07',0,'劳动节');
INSERT INTO holidays VALUES('2022-06-03',1,'端午节');
INSERT INTO holidays VALUES('2022-06-04',1,'端午节');
INSERT INTO holidays VALUES('2022-06-05',1,'端午节');
INSERT INTO holidays VALUES('2022-09-10',1,'中秋节');
INSERT INTO holidays VALUES('2022-09-11',1,'中秋节');
INSERT INTO holidays VALUES('2022-09-12',1,'中秋节');
INSERT INTO holidays VALUES('2022-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2022-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2022-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2022-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2022-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2022-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2022-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2022-10-08',0,'国庆节');
INSERT INTO holidays VALUES('2022-10-09',0,'国庆节');
INSERT INTO holidays VALUES('2022-12-31',1,'元旦');
INSERT INTO holidays VALUES('2023-01-01',1,'元旦');
INSERT INTO holidays VALUES('2023-01-02',1,'元旦');
INSERT INTO holidays VALUES('2023-01-21',1,'春节');
INSERT INTO holidays VALUES('2023-01-22',1,'春节');
INSERT INTO holidays VALUES('2023-01-23',1,'春节');
INSERT INTO holidays VALUES('2023-01-24',1,'春节');
INSERT INTO holidays VALUES('2023-01-25',1,'春节');
INSERT INTO holidays VALUES('2023-01-26',1,'春节');
INSERT INTO holidays VALUES('2023-01-27',1,'春节');
INSERT INTO holidays VALUES('2023-01-28',0,'春节');
INSERT INTO holidays VALUES('2023-01-29',0,'春节');
INSERT INTO holidays VALUES('2023-04-05',1,'清明节');
INSERT INTO holidays VALUES('2023-04-23',0,'劳动节');
INSERT INTO holidays VALUES('2023-04-29',1,'劳动节');
INSERT INTO holidays VALUES('2023-04-30',1,'劳动节');
INSERT INTO holidays VALUES('2023-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2023-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2023-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2023-05-06',0,'劳动节');
INSERT INTO holidays VALUES('2023-06-22',1,'端午节');
INSERT INTO holidays VALUES('2023-06-23',1,'端午节');
INSERT INTO holidays VALUES('2023-06-24',1,'端午节');
INSERT INTO holidays VALUES('2023-06-25',0,'端午节');
INSERT INTO holidays VALUES('2023-09-29',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2023-09-30',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2023-10-01',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2023-10-02',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2023-10-03',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2023-10-04',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2023-10-05',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2023-10-06',1,'中秋节、国庆节');
INSERT INTO holidays VALUES('2023-10-07',0,'中秋节、国庆节');
INSERT INTO holidays VALUES('2023-10-08',0,'中秋节、国庆节');
INSERT INTO holidays VALUES('2024-01-01',1,'元旦');
INSERT INTO holidays VALUES('2024-02-04',0,'春节');
INSERT INTO holidays VALUES('2024-02-10',1,'春节');
INSERT INTO holidays VALUES('2024-02-11',1,'春节');
INSERT INTO holidays VALUES('2024-02-12',1,'春节');
INSERT INTO holidays VALUES('2024-02-13',1,'春节');
INSERT INTO holidays VALUES('2024-02-14',1,'春节');
INSERT INTO holidays VALUES('2024-02-15',1,'春节');
INSERT INTO holidays VALUES('2024-02-16',1,'春节');
INSERT INTO holidays VALUES('2024-02-17',1,'春节');
INSERT INTO holidays VALUES('2024-02-18',0,'春节');
INSERT INTO holidays VALUES('2024-04-04',1,'清明节');
INSERT INTO holidays VALUES('2024-04-05',1,'清明节');
INSERT INTO holidays VALUES('2024-04-06',1,'清明节');
INSERT INTO holidays VALUES('2024-04-07',0,'清明节');
INSERT INTO holidays VALUES('2024-04-28',0,'劳动节');
INSERT INTO holidays VALUES('2024-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2024-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2024-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2024-05-04',1,'劳动节');
INSERT INTO holidays VALUES('2024-05-05',1,'劳动节');
INSERT INTO holidays VALUES('2024-05-11',0,'劳动节');
INSERT INTO holidays VALUES('2024-06-10',1,'端午节');
INSERT INTO holidays VALUES('2024-09-14',0,'中秋节');
INSERT INTO holidays VALUES('2024-09-15',1,'中秋节');
INSERT INTO holidays VALUES('2024-09-16',1,'中秋节');
INSERT INTO holidays VALUES('2024-09-17',1,'中秋节');
INSERT INTO holidays VALUES('2024-09-29',0,'国庆节');
INSERT INTO holidays VALUES('2024-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2024-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2024-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2024-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2024-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2024-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2024-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2024-10-12',0,'国庆节');
INSERT INTO holidays VALUES('2025-01-01',1,'元旦');
INSERT INTO holidays VALUES('2025-01-26',0,'春节');
INSERT INTO holidays VALUES('2025-01-28',1,'春节');
INSERT INTO holidays VALUES('2025-01-29',1,'春节');
INSERT INTO holidays VALUES('2025-01-30',1,'春节');
INSERT INTO holidays VALUES('2025-01-31',1,'春节');
INSERT INTO holidays VALUES('2025-02-01',1,'春节');
INSERT INTO holidays VALUES('2025-02-02',1,'春节');
INSERT INTO holidays VALUES('2025-02-03',1,'春节');
INSERT INTO holidays VALUES('2025-02-04',1,'春节');
INSERT INTO holidays VALUES('2025-02-08',0,'春节');
INSERT INTO holidays VALUES('2025-04-04',1,'清明节');
INSERT INTO holidays VALUES('2025-04-05',1,'清明节');
INSERT INTO holidays VALUES('2025-04-06',1,'清明节');
INSERT INTO holidays VALUES('2025-04-27',0,'劳动节');
INSERT INTO holidays VALUES('2025-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2025-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2025-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2025-05-04',1,'劳动节');
INSERT INTO holidays VALUES('2025-05-05',1,'劳动节');
INSERT INTO holidays VALUES('2025-05-31',1,'端午节');
INSERT INTO holidays VALUES('2025-06-01',1,'端午节');
INSERT INTO holidays VALUES('2025-06-02',1,'端午节');
INSERT INTO holidays VALUES('2025-09-28',0,'国庆节、中秋节');
INSERT INTO holidays VALUES('2025-10-01',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2025-10-02',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2025-10-03',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2025-10-04',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2025-10-05',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2025-10-06',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2025-10-07',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2025-10-08',1,'国庆节、中秋节');
INSERT INTO holidays VALUES('2025-10-11',0,'国庆节、中秋节');
INSERT INTO holidays VALUES('2026-01-01',1,'元旦');
INSERT INTO holidays VALUES('2026-01-02',1,'元旦');
INSERT INTO holidays VALUES('2026-01-03',1,'元旦');
INSERT INTO holidays VALUES('2026-01-04',0,'元旦');
INSERT INTO holidays VALUES('2026-02-14',0,'春节');
INSERT INTO holidays VALUES('2026-02-15',1,'春节');
INSERT INTO holidays VALUES('2026-02-16',1,'春节');
INSERT INTO holidays VALUES('2026-02-17',1,'春节');
INSERT INTO holidays VALUES('2026-02-18',1,'春节');
INSERT INTO holidays VALUES('2026-02-19',1,'春节');
INSERT INTO holidays VALUES('2026-02-20',1,'春节');
INSERT INTO holidays VALUES('2026-02-21',1,'春节');
INSERT INTO holidays VALUES('2026-02-22',1,'春节');
INSERT INTO holidays VALUES('2026-02-23',1,'春节');
INSERT INTO holidays VALUES('2026-02-28',0,'春节');
INSERT INTO holidays VALUES('2026-04-04',1,'清明节');
INSERT INTO holidays VALUES('2026-04-05',1,'清明节');
INSERT INTO holidays VALUES('2026-04-06',1,'清明节');
INSERT INTO holidays VALUES('2026-05-01',1,'劳动节');
INSERT INTO holidays VALUES('2026-05-02',1,'劳动节');
INSERT INTO holidays VALUES('2026-05-03',1,'劳动节');
INSERT INTO holidays VALUES('2026-05-04',1,'劳动节');
INSERT INTO holidays VALUES('2026-05-05',1,'劳动节');
INSERT INTO holidays VALUES('2026-05-09',0,'劳动节');
INSERT INTO holidays VALUES('2026-06-19',1,'端午节');
INSERT INTO holidays VALUES('2026-06-20',1,'端午节');
INSERT INTO holidays VALUES('2026-06-21',1,'端午节');
INSERT INTO holidays VALUES('2026-09-20',0,'国庆节');
INSERT INTO holidays VALUES('2026-09-25',1,'中秋节');
INSERT INTO holidays VALUES('2026-09-26',1,'中秋节');
INSERT INTO holidays VALUES('2026-09-27',1,'中秋节');
INSERT INTO holidays VALUES('2026-10-01',1,'国庆节');
INSERT INTO holidays VALUES('2026-10-02',1,'国庆节');
INSERT INTO holidays VALUES('2026-10-03',1,'国庆节');
INSERT INTO holidays VALUES('2026-10-04',1,'国庆节');
INSERT INTO holidays VALUES('2026-10-05',1,'国庆节');
INSERT INTO holidays VALUES('2026-10-06',1,'国庆节');
INSERT INTO holidays VALUES('2026-10-07',1,'国庆节');
INSERT INTO holidays VALUES('2026-10-10',0,'国庆节');
CREATE TABLE units (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	parent_id  BIGINT REFERENCES units(id),
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('department','township','village','enterprise','institution','other')),
	ext_id     TEXT,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL
, extra TEXT);
INSERT INTO units VALUES(1,'230100',NULL,'升级测试局','department',NULL,1796305057,1796305057,NULL);
INSERT INTO units VALUES(2,'230100',NULL,'升级测试镇','township',NULL,1796305057,1796305057,NULL);
CREATE TABLE persons (
	id             INTEGER PRIMARY KEY,
	region         TEXT NOT NULL,
	unit_id        BIGINT NOT NULL REFERENCES units(id),
	name           TEXT NOT NULL,
	position       TEXT NOT NULL DEFAULT '',
	rank           TEXT NOT NULL CHECK (rank IN ('county','section','staff','village','other')),
	top_leader     INTEGER NOT NULL DEFAULT 0,
	leadership     INTEGER NOT NULL DEFAULT 0,
	party_member   INTEGER NOT NULL DEFAULT 0,
	id_number_enc  TEXT,
	id_number_mac  TEXT,
	ext_id         TEXT,
	created_at     BIGINT NOT NULL,
	updated_at     BIGINT NOT NULL
, extra TEXT);
INSERT INTO persons VALUES(1,'230100',1,'升级甲','','section',0,0,0,NULL,NULL,NULL,1796305057,1796305057,NULL);
INSERT INTO persons VALUES(2,'230100',1,'升级乙','','section',0,0,0,NULL,NULL,NULL,1796305058,1796305058,NULL);
INSERT INTO persons VALUES(3,'230100',2,'升级丙','','county',0,0,0,NULL,NULL,NULL,1796305059,1796305059,NULL);
CREATE TABLE users (
	id              INTEGER PRIMARY KEY,
	region          TEXT NOT NULL,
	name            TEXT NOT NULL UNIQUE,
	display_name    TEXT NOT NULL DEFAULT '',
	role            TEXT NOT NULL,
	unit_id         BIGINT REFERENCES units(id),
	pwhash          TEXT NOT NULL,
	disabled        INTEGER NOT NULL DEFAULT 0,
	failed_logins   INTEGER NOT NULL DEFAULT 0,
	locked_until    BIGINT NOT NULL DEFAULT 0,
	totp_secret_enc TEXT,
	totp_enabled    INTEGER NOT NULL DEFAULT 0,
	created_at      BIGINT NOT NULL,
	pw_changed_at   BIGINT NOT NULL
, totp_last_step BIGINT NOT NULL DEFAULT 0, must_change_pw INTEGER NOT NULL DEFAULT 0, principal INTEGER NOT NULL DEFAULT 0, office TEXT NOT NULL DEFAULT '');
INSERT INTO users VALUES(1,'230100','admin','系统管理员','sysadmin',NULL,'$argon2id$v=19$m=19456,t=2,p=1$AhpYJKnB8pLCQwWk6JBgrw$H1N+kSEZN9PxZw8AgzPakNow8eRz91kSSjAFDvzubK4',0,0,0,NULL,0,1796305055,1796305055,0,0,0,'');
INSERT INTO users VALUES(2,'230100','cm','','case_manager',NULL,'$argon2id$v=19$m=19456,t=2,p=1$o6F79TIoAnojywdkjWdrJg$RdO/yQIHfgHMvpIamQfkN0yQadZAkYYzI2OFt7JzMPQ',0,0,0,NULL,0,1796305055,1796305055,0,0,0,'');
INSERT INTO users VALUES(3,'230100','clerk','','intake',NULL,'$argon2id$v=19$m=19456,t=2,p=1$jPbQjQxeI9PgEW9e7xdCKg$DOG47ORyFubrLhlG84406IMYPRchVDQkht1GEA4V8po',0,0,0,NULL,0,1796305055,1796305055,0,0,0,'');
INSERT INTO users VALUES(4,'230100','auditor','','auditadmin',NULL,'$argon2id$v=19$m=19456,t=2,p=1$fQaybb85Ojz10nozW5oXpQ$U+9nEQdjdohRHh4IPXFssolb0on+0OnLwGQYzquPuDY',0,0,0,NULL,0,1796305055,1796305055,0,0,0,'');
INSERT INTO users VALUES(5,'230100','lead','测试lead','leader',NULL,'$argon2id$v=19$m=19456,t=2,p=1$c8e8hT9Ez/cBh7QcqL34nQ$/wFmYD4bJY2QGsdbbYdMa7NCI5YK9mn4uKlOvKtmgA8',0,0,0,NULL,0,1796305055,1796305055,0,0,0,'');
INSERT INTO users VALUES(6,'230100','tri','测试tri','trial',NULL,'$argon2id$v=19$m=19456,t=2,p=1$Tb6JbhNQgpMxQUf5szZn7w$ivvUfuUD/kSvWT2vzgRnQ8i0v/9vGlLjIm8xmJTS1bE',0,0,0,NULL,0,1796305056,1796305056,0,0,0,'');
INSERT INTO users VALUES(7,'230100','inv1','测试inv1','investigator',NULL,'$argon2id$v=19$m=19456,t=2,p=1$NVR8iGWR37nHLzewFlgbhg$z6xMCdJZIhZn3s/8j1+oNS6JZlMGs8AP8KOAk9rlthg',0,0,0,NULL,0,1796305056,1796305056,0,0,0,'');
INSERT INTO users VALUES(8,'230100','town','','township',1,'$argon2id$v=19$m=19456,t=2,p=1$aPj10tBKKxBv+qQ94weHMg$Fj48nrLLAgqkjWj3+ssL24mU6T1DjnawRfXWFS5jG2E',0,0,0,NULL,0,1796305059,1796305059,0,0,0,'');
CREATE TABLE user_scopes (
	user_id BIGINT NOT NULL REFERENCES users(id),
	unit_id BIGINT NOT NULL REFERENCES units(id),
	PRIMARY KEY (user_id, unit_id)
);
INSERT INTO user_scopes VALUES(8,1);
CREATE TABLE sessions (
	token_hash TEXT NOT NULL PRIMARY KEY,
	user_id    BIGINT NOT NULL REFERENCES users(id),
	csrf       TEXT NOT NULL,
	stage      INTEGER NOT NULL DEFAULT 0,
	created_at BIGINT NOT NULL,
	last_seen  BIGINT NOT NULL,
	ip         TEXT NOT NULL DEFAULT ''
);
INSERT INTO sessions VALUES('6145943e1905b454c69c493fedcf0e3c268c91ba10d778ebbda9f7201065bbf1',2,'1l296cawVQ0VqRFNTWWY1FKMRXJK7O0rEbTm75rtFQ8',0,1796305056,1796305056,'127.0.0.1');
INSERT INTO sessions VALUES('5a489d042b6d5498c032130b3ede965b81edcff50eb55ca6f7580eb7b81c159a',3,'IoL0ACzES54610zzudOPaBezISa6XdLLAsj7lO2sbNs',0,1796305059,1796305059,'127.0.0.1');
INSERT INTO sessions VALUES('ddf2612341850f9b57232bbe836942291f6894341a5bfae401c72c245e287d7b',5,'atjAOtlYtfjImDCaNMFYz2gcmc-HgoPYpP0BfBb6bA4',0,1796305059,1796305059,'127.0.0.1');
INSERT INTO sessions VALUES('741fef84979d21349852f2a18d352b628c0c1d61497a8465e95e5d8e17e356ae',6,'dlFpCt2jfxlzZNAW8OltViprmtli7tTcxT08xreLCTE',0,1796305059,1796305059,'127.0.0.1');
INSERT INTO sessions VALUES('38a83d8a554e1fcd764640c0b809bba8cdc55c34431ba7fa8b84dae84f3c510b',7,'FFbjVtwAoty0JEfrWA7hu3K084PtRXEFC0fuxohnFSA',0,1796305059,1796305059,'127.0.0.1');
CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	region    TEXT NOT NULL,
	at        BIGINT NOT NULL,
	user_id   BIGINT,
	user_name TEXT NOT NULL,
	role      TEXT NOT NULL,
	event     TEXT NOT NULL,
	object    TEXT NOT NULL,
	success   INTEGER NOT NULL,
	detail    TEXT NOT NULL,
	ip        TEXT NOT NULL,
	prev_mac  TEXT NOT NULL,
	mac       TEXT NOT NULL
);
INSERT INTO audit_log VALUES(1,'230100',1796305055,NULL,'cli:root','cli','init','database',1,'230100','local','','062b65b20363445bddeb724c5a6fcdbe6423ddaa7c048f6ad7d7e99c16b0fe89');
INSERT INTO audit_log VALUES(2,'230100',1796305055,NULL,'cli:root','cli','calendar_import','calendar',1,'cn-holidays.csv: 678 days','local','062b65b20363445bddeb724c5a6fcdbe6423ddaa7c048f6ad7d7e99c16b0fe89','1be298e0fea8efb8cb6672347042e225d20d13ae4e39f0a6a800aaa412963bc1');
INSERT INTO audit_log VALUES(3,'230100',1796305055,NULL,'cli:root','cli','user_create','admin',1,'sysadmin','local','1be298e0fea8efb8cb6672347042e225d20d13ae4e39f0a6a800aaa412963bc1','97e8d6d6c77eac4ed4f40f00fbb8bba493b6f8f3dcaff399b238ff43f1536e16');
INSERT INTO audit_log VALUES(4,'230100',1796305055,NULL,'cli:root','cli','user_create','cm',1,'case_manager','local','97e8d6d6c77eac4ed4f40f00fbb8bba493b6f8f3dcaff399b238ff43f1536e16','8c56103969bc5440ecc317f3db23aa81cfe2a2653848fcc5444330f54122a6b7');
INSERT INTO audit_log VALUES(5,'230100',1796305055,NULL,'cli:root','cli','user_create','clerk',1,'intake','local','8c56103969bc5440ecc317f3db23aa81cfe2a2653848fcc5444330f54122a6b7','a7efea52331540dab242833ab2dc17a7e1a5077fef26419af4f60d89c2864aff');
INSERT INTO audit_log VALUES(6,'230100',1796305055,NULL,'cli:root','cli','user_create','auditor',1,'auditadmin','local','a7efea52331540dab242833ab2dc17a7e1a5077fef26419af4f60d89c2864aff','8852b4ae2d3189ddc4e7ea1585615b2e77f6342c59ad68b3e48e0122b088c820');
INSERT INTO audit_log VALUES(7,'230100',1796305055,NULL,'cli:root','cli','user_create','lead',1,'leader','local','8852b4ae2d3189ddc4e7ea1585615b2e77f6342c59ad68b3e48e0122b088c820','e402aec94dc6490b4e07b73b41ee5805535cbc3d9c1a3fc618bd2dbbdbb2653c');
INSERT INTO audit_log VALUES(8,'230100',1796305056,NULL,'cli:root','cli','user_create','tri',1,'trial','local','e402aec94dc6490b4e07b73b41ee5805535cbc3d9c1a3fc618bd2dbbdbb2653c','a9304d766f5fdb130a4c14738ddb5910bfac23fab058518fd9fe7a32393f5bdc');
INSERT INTO audit_log VALUES(9,'230100',1796305056,NULL,'cli:root','cli','user_create','inv1',1,'investigator','local','a9304d766f5fdb130a4c14738ddb5910bfac23fab058518fd9fe7a32393f5bdc','e008bdf48fb19e8beb852f1e62a656c0fa10df5d6f0336a179bcd1f58743ce94');
INSERT INTO audit_log VALUES(10,'230100',1796305056,2,'cm','case_manager','login','cm',1,'','127.0.0.1','e008bdf48fb19e8beb852f1e62a656c0fa10df5d6f0336a179bcd1f58743ce94','67f5326496d57c3c924be3d4dcd087172e11a7ef0e0098cb96a4408cdedbaed2');
INSERT INTO audit_log VALUES(11,'230100',1796305057,2,'cm','case_manager','create','unit/1',1,'升级测试局','127.0.0.1','67f5326496d57c3c924be3d4dcd087172e11a7ef0e0098cb96a4408cdedbaed2','31481b529de5e4d17916d890561c0559f31dfcd4f6522aa754d5fd6a27588206');
INSERT INTO audit_log VALUES(12,'230100',1796305057,2,'cm','case_manager','create','unit/2',1,'升级测试镇','127.0.0.1','31481b529de5e4d17916d890561c0559f31dfcd4f6522aa754d5fd6a27588206','c7e42061e606b5dd87e74f857d147f0b51f029836cbe7756b4ce68e62efb7c6a');
INSERT INTO audit_log VALUES(13,'230100',1796305057,2,'cm','case_manager','create','person/1',1,'','127.0.0.1','c7e42061e606b5dd87e74f857d147f0b51f029836cbe7756b4ce68e62efb7c6a','311ee3c8e5b4e95092cdcee6998d3da80318abebfe0e1c27c7c7f6872834afe6');
INSERT INTO audit_log VALUES(14,'230100',1796305057,2,'cm','case_manager','read','person/1',1,'','127.0.0.1','311ee3c8e5b4e95092cdcee6998d3da80318abebfe0e1c27c7c7f6872834afe6','f08a6325a7f7affcb3a42d7192e22d9758c1668ec166a751146810c101169256');
INSERT INTO audit_log VALUES(15,'230100',1796305058,2,'cm','case_manager','create','person/2',1,'','127.0.0.1','f08a6325a7f7affcb3a42d7192e22d9758c1668ec166a751146810c101169256','f2a8b25089d2c2a82996306a69e013c13176b288a3ce60d1f400d4167dcbaa40');
INSERT INTO audit_log VALUES(16,'230100',1796305058,2,'cm','case_manager','read','person/2',1,'','127.0.0.1','f2a8b25089d2c2a82996306a69e013c13176b288a3ce60d1f400d4167dcbaa40','c1ed840234f2c2863acff5860a83d415db64207c03259a42d92856e5715f6ca1');
INSERT INTO audit_log VALUES(17,'230100',1796305059,2,'cm','case_manager','create','person/3',1,'','127.0.0.1','c1ed840234f2c2863acff5860a83d415db64207c03259a42d92856e5715f6ca1','860def6ffd94e6a0a283e82159fc8cebcd1fe231795e771e550d40a1c8121a5f');
INSERT INTO audit_log VALUES(18,'230100',1796305059,2,'cm','case_manager','read','person/3',1,'','127.0.0.1','860def6ffd94e6a0a283e82159fc8cebcd1fe231795e771e550d40a1c8121a5f','3bd33240083d48fe5c528cf4142b6f2a6c741ff542446d2be5a7a156174148b3');
INSERT INTO audit_log VALUES(19,'230100',1796305059,NULL,'cli:root','cli','user_create','town',1,'township','local','3bd33240083d48fe5c528cf4142b6f2a6c741ff542446d2be5a7a156174148b3','bb9c315a7f6c0996526fffda648105dfa9f2e50b0e2f53485fb0da2c20ca9fdc');
INSERT INTO audit_log VALUES(20,'230100',1796305059,3,'clerk','intake','login','clerk',1,'','127.0.0.1','bb9c315a7f6c0996526fffda648105dfa9f2e50b0e2f53485fb0da2c20ca9fdc','b2e6699eacb8cd370cc3af2fa864ee853068e2ba4a49a428fe397972bb9d2963');
INSERT INTO audit_log VALUES(21,'230100',1796305059,5,'lead','leader','login','lead',1,'','127.0.0.1','b2e6699eacb8cd370cc3af2fa864ee853068e2ba4a49a428fe397972bb9d2963','6d875e649345001d2ddd436970667d88dd83c5c309ad9b3e140d5f3486488c2e');
INSERT INTO audit_log VALUES(22,'230100',1796305059,6,'tri','trial','login','tri',1,'','127.0.0.1','6d875e649345001d2ddd436970667d88dd83c5c309ad9b3e140d5f3486488c2e','c09de94f3fbbcf8650c2284a6f37ba2ad51e47e3215153de0e1f72ad4b720ad0');
INSERT INTO audit_log VALUES(23,'230100',1796305059,7,'inv1','investigator','login','inv1',1,'','127.0.0.1','c09de94f3fbbcf8650c2284a6f37ba2ad51e47e3215153de0e1f72ad4b720ad0','657ca2f3c085691afe2f1f30552d3ccf6e43bf944ca067b75fa56e2e8a155287');
INSERT INTO audit_log VALUES(24,'230100',1796305060,3,'clerk','intake','create','report/1',1,'登记信访举报','127.0.0.1','657ca2f3c085691afe2f1f30552d3ccf6e43bf944ca067b75fa56e2e8a155287','739d0f69e1dc7918ae23d01774e0b2fedcc019a3c3b7f34b1f1e990e49255ab7');
INSERT INTO audit_log VALUES(25,'230100',1796305060,3,'clerk','intake','create','report/2',1,'登记信访举报','127.0.0.1','739d0f69e1dc7918ae23d01774e0b2fedcc019a3c3b7f34b1f1e990e49255ab7','81ada21c9f7e2666cbfcac21bcca7abbd85f5528de9dafc0f3197fe12946f28f');
INSERT INTO audit_log VALUES(26,'230100',1796305060,3,'clerk','intake','report_accept','report/1',1,'受理','127.0.0.1','81ada21c9f7e2666cbfcac21bcca7abbd85f5528de9dafc0f3197fe12946f28f','c617bf81258e87dabef7c6fc908972adb89903f3baec1656039077ef2637b3b5');
INSERT INTO audit_log VALUES(27,'230100',1796305061,3,'clerk','intake','report_to_clue','report/1',1,'转为问题线索','127.0.0.1','c617bf81258e87dabef7c6fc908972adb89903f3baec1656039077ef2637b3b5','c2f98cd139a9e23cf0a4658d7db33913e35d766f6881a7b43e55564d3fb16abe');
INSERT INTO audit_log VALUES(28,'230100',1796305061,3,'clerk','intake','create','clue/1',1,'登记线索','127.0.0.1','c2f98cd139a9e23cf0a4658d7db33913e35d766f6881a7b43e55564d3fb16abe','3067db7bbb75af35a35455335df915f8a3aab7caa071e487ce2037f763e15944');
INSERT INTO audit_log VALUES(29,'230100',1796305062,2,'cm','case_manager','create','clue/2',1,'登记线索','127.0.0.1','3067db7bbb75af35a35455335df915f8a3aab7caa071e487ce2037f763e15944','81dfb303723232c0d34c06e9938524b49bb6db6931a007af13469070105762b4');
INSERT INTO audit_log VALUES(30,'230100',1796305062,2,'cm','case_manager','create','clue/3',1,'登记线索','127.0.0.1','81dfb303723232c0d34c06e9938524b49bb6db6931a007af13469070105762b4','1a786bd39bbefe54b327aac2ec32cabd2b987674202039a9d0f9273388f6ac76');
INSERT INTO audit_log VALUES(31,'230100',1796305062,2,'cm','case_manager','dispose_propose','clue/2',1,'拟处置：谈话函询','127.0.0.1','1a786bd39bbefe54b327aac2ec32cabd2b987674202039a9d0f9273388f6ac76','2795bfc68308551556b363c91b284d2c326ce33345924764bd70df16ed88e653');
INSERT INTO audit_log VALUES(32,'230100',1796305063,5,'lead','leader','dispose_approve','clue/2',1,'批准处置：谈话函询','127.0.0.1','2795bfc68308551556b363c91b284d2c326ce33345924764bd70df16ed88e653','da5fd704fae99fd45c11905b563b9145e3a83a86ff3c65cb2b362fa55f777ebb');
INSERT INTO audit_log VALUES(33,'230100',1796305064,2,'cm','case_manager','dispose_propose','clue/3',1,'拟处置：立案审查调查','127.0.0.1','da5fd704fae99fd45c11905b563b9145e3a83a86ff3c65cb2b362fa55f777ebb','0005aab62a44bcdd11a362aa5c5b1043bd3dd34af16060a0c61c7a0a026dee60');
INSERT INTO audit_log VALUES(34,'230100',1796305065,5,'lead','leader','dispose_approve','clue/3',1,'批准处置：立案审查调查','127.0.0.1','0005aab62a44bcdd11a362aa5c5b1043bd3dd34af16060a0c61c7a0a026dee60','4ce3904832a6da12f230d6ed7806d3cd11ba6c62a7387a08f4208d40c04cde5d');
INSERT INTO audit_log VALUES(35,'230100',1796305065,5,'lead','leader','create','case/1',1,'立案','127.0.0.1','4ce3904832a6da12f230d6ed7806d3cd11ba6c62a7387a08f4208d40c04cde5d','77c68f2d26dc69b999b21e8be23db803d8663fb3ac7addbb074013dd73d657c9');
INSERT INTO audit_log VALUES(36,'230100',1796305066,2,'cm','case_manager','team_add','case/1',1,'加入办理组：测试tri（协办）','127.0.0.1','77c68f2d26dc69b999b21e8be23db803d8663fb3ac7addbb074013dd73d657c9','3c5120956ce6480c5b522c4e32e15a5369346069b24f69da934f747bfc42dd4e');
INSERT INTO audit_log VALUES(37,'230100',1796305066,2,'cm','case_manager','team_add','case/1',1,'加入办理组：测试inv1（协办）','127.0.0.1','3c5120956ce6480c5b522c4e32e15a5369346069b24f69da934f747bfc42dd4e','b8d00b8a60488d49ea1af96279739ecc8bbbe72fb1eb5485b839bf62b89a4bd7');
INSERT INTO audit_log VALUES(38,'230100',1796305067,7,'inv1','investigator','case_note','case/1',1,'添加审查调查记录','127.0.0.1','b8d00b8a60488d49ea1af96279739ecc8bbbe72fb1eb5485b839bf62b89a4bd7','afa2c79f7441b5f3dac517b150b05eee4894f4b1bd8cec66c8d1a3e192604e4b');
INSERT INTO audit_log VALUES(39,'230100',1796305068,7,'inv1','investigator','detention_start','case/1',1,'留置：升级乙','127.0.0.1','afa2c79f7441b5f3dac517b150b05eee4894f4b1bd8cec66c8d1a3e192604e4b','f4c60314a77914a002c43e138412dbc1418e7b0291c014740c217a8efd9b0e0a');
INSERT INTO audit_log VALUES(40,'230100',1796305068,2,'cm','case_manager','create','outcome/1',1,'记录处理结果','127.0.0.1','f4c60314a77914a002c43e138412dbc1418e7b0291c014740c217a8efd9b0e0a','720bf87fc171a85534fae13e172e0461809d998bf5b63ea770c0e75b8fdb319d');
INSERT INTO audit_log VALUES(41,'230100',1796305069,6,'tri','trial','create','outcome/2',1,'记录处理结果','127.0.0.1','720bf87fc171a85534fae13e172e0461809d998bf5b63ea770c0e75b8fdb319d','140c70a20ca39b331deffd2b1c5231326c353d20aa1abd987c197f3b023a0338');
INSERT INTO audit_log VALUES(42,'230100',1796305070,6,'tri','trial','create','outcome/3',1,'记录处理结果','127.0.0.1','140c70a20ca39b331deffd2b1c5231326c353d20aa1abd987c197f3b023a0338','15754a287ee11ec59c09ffd6b6a3391c479c22ad1a3e63261300e43e552a2ea0');
CREATE TABLE login_throttle (
	name         TEXT PRIMARY KEY,
	failures     INTEGER NOT NULL,
	locked_until BIGINT NOT NULL,
	updated_at   BIGINT NOT NULL
);
CREATE TABLE sanction_periods (
	measure      TEXT NOT NULL PRIMARY KEY,
	months       INTEGER NOT NULL DEFAULT 0,
	stated       INTEGER NOT NULL DEFAULT 0,   -- the decision states the months (12 or 24)
	extra_months INTEGER NOT NULL DEFAULT 0,   -- further months barred from promotion
	permanent    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sanction_periods VALUES('gov_warning',6,0,0,0);
INSERT INTO sanction_periods VALUES('gov_demerit',12,0,0,0);
INSERT INTO sanction_periods VALUES('gov_major_demerit',18,0,0,0);
INSERT INTO sanction_periods VALUES('gov_demotion',24,0,0,0);
INSERT INTO sanction_periods VALUES('gov_removal',24,0,0,0);
INSERT INTO sanction_periods VALUES('gov_dismissal',0,0,0,1);
INSERT INTO sanction_periods VALUES('party_warning',12,0,0,0);
INSERT INTO sanction_periods VALUES('party_serious_warning',18,0,0,0);
INSERT INTO sanction_periods VALUES('party_post_removal',24,0,0,0);
INSERT INTO sanction_periods VALUES('party_probation',0,1,24,0);
INSERT INTO sanction_periods VALUES('party_expulsion',0,0,0,1);
CREATE TABLE clock_limits (
	clock  TEXT NOT NULL PRIMARY KEY,
	amount INTEGER NOT NULL,
	unit   TEXT NOT NULL CHECK (unit IN ('workdays', 'days', 'months')),
	label  TEXT NOT NULL
);
INSERT INTO clock_limits VALUES('report_accept_notice',15,'workdays','实名举报受理告知');
INSERT INTO clock_limits VALUES('report_outcome_notice',15,'workdays','实名举报结果反馈');
INSERT INTO clock_limits VALUES('report_transfer',5,'workdays','不属本级受理的举报转送');
INSERT INTO clock_limits VALUES('petition_accept',15,'days','信访事项受理决定');
INSERT INTO clock_limits VALUES('petition_conclude',60,'days','信访事项办结');
INSERT INTO clock_limits VALUES('petition_extension',30,'days','信访事项延期');
INSERT INTO clock_limits VALUES('preliminary_verification',15,'workdays','初步核实');
INSERT INTO clock_limits VALUES('trial_review',1,'months','案件审理');
INSERT INTO clock_limits VALUES('rectification_report',2,'months','巡察整改报告');
INSERT INTO clock_limits VALUES('personal_matter_report',30,'days','重大事项报告');
INSERT INTO clock_limits VALUES('bad_rating_callback',1,'workdays','差评回访');
INSERT INTO clock_limits VALUES('bad_rating_fix',15,'workdays','差评整改');
INSERT INTO clock_limits VALUES('detention',3,'months','留置');
INSERT INTO clock_limits VALUES('detention_extension',3,'months','留置延长（上一级批准，一次）');
INSERT INTO clock_limits VALUES('detention_extension_national',2,'months','留置再延长（国家监委批准）');
CREATE TABLE campaigns (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	name       TEXT NOT NULL,
	start_day  TEXT,
	end_day    TEXT,
	ext_id     TEXT,
	created_at BIGINT NOT NULL
, extra TEXT);
CREATE TABLE clues (
	id             INTEGER PRIMARY KEY,
	region         TEXT NOT NULL,
	received       TEXT NOT NULL,
	source         TEXT NOT NULL CHECK (source IN ('report','inspection','audit','judicial','supervision','campaign','superior','other')),
	source_ref     TEXT NOT NULL DEFAULT '',
	campaign_id    BIGINT REFERENCES campaigns(id),
	unit_id        BIGINT NOT NULL REFERENCES units(id),
	summary_enc    TEXT,
	state          TEXT NOT NULL DEFAULT 'registered',
	first_disposed TEXT,
	ext_id         TEXT,
	created_by     BIGINT REFERENCES users(id),
	created_at     BIGINT NOT NULL,
	updated_at     BIGINT NOT NULL
, extra TEXT, clock_start TEXT);
INSERT INTO clues VALUES(1,'230100','2022-10-10','report','信访举报 1',NULL,1,'x1:h_ZcxmCMQagOI00Edly15n7ffIZ3pO0f81BzLh2SditCdskzjAb0Jt99rNuJ5MO4OYDS_E-LRTRy48U7Fohs2Q','registered',NULL,NULL,3,1796305061,1796305061,NULL,NULL);
INSERT INTO clues VALUES(2,'230100','2022-01-02','report','',NULL,1,'x1:qPuzpopW3P71VmYyCwmMhBYMB2ix1MgYuKXBoHbdGKEhJQhsaSUW3l_3IHDvstaAsnA3KYdpuA','talk_inquiry','2022-01-06',NULL,2,1796305062,1796305063,NULL,NULL);
INSERT INTO clues VALUES(3,'230100','2022-01-03','report','',NULL,1,'x1:Bh-TGENRg9VHO-SrCHThFQ8UFPX4B3zuBuDwVeZNAmso8RTpdl_WhEfme655pjg_XlJWH0CnKg','filed','2022-01-10',NULL,2,1796305062,1796305065,NULL,NULL);
CREATE TABLE clue_subjects (
	clue_id   BIGINT NOT NULL REFERENCES clues(id),
	person_id BIGINT NOT NULL REFERENCES persons(id),
	PRIMARY KEY (clue_id, person_id)
);
INSERT INTO clue_subjects VALUES(1,1);
INSERT INTO clue_subjects VALUES(2,1);
INSERT INTO clue_subjects VALUES(2,2);
INSERT INTO clue_subjects VALUES(3,2);
CREATE TABLE dispositions (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	clue_id     BIGINT NOT NULL REFERENCES clues(id),
	method      TEXT NOT NULL CHECK (method IN ('talk_inquiry','preliminary_verification','shelve','close','file_case')),
	reason      TEXT NOT NULL DEFAULT '',
	state       TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed','approved','rejected')),
	proposed_by BIGINT REFERENCES users(id),
	proposed_at BIGINT NOT NULL,
	decided     TEXT,
	decided_by  BIGINT REFERENCES users(id),
	decided_at  BIGINT,
	decision_note TEXT NOT NULL DEFAULT ''
, extra TEXT);
INSERT INTO dispositions VALUES(1,'230100',2,'talk_inquiry','拟谈话函询','approved',2,1796305062,'2022-01-06',5,1796305063,'',NULL);
INSERT INTO dispositions VALUES(2,'230100',3,'file_case','拟立案','approved',2,1796305064,'2022-01-10',5,1796305065,'',NULL);
CREATE TABLE timeline (
	id        INTEGER PRIMARY KEY,
	region    TEXT NOT NULL,
	object    TEXT NOT NULL,
	at        BIGINT NOT NULL,
	user_id   BIGINT REFERENCES users(id),
	user_name TEXT NOT NULL,
	action    TEXT NOT NULL,
	detail    TEXT NOT NULL DEFAULT ''
);
INSERT INTO timeline VALUES(1,'230100','report/1',1796305060,3,'clerk','登记信访举报','来信');
INSERT INTO timeline VALUES(2,'230100','report/2',1796305060,3,'clerk','登记信访举报','来电');
INSERT INTO timeline VALUES(3,'230100','report/1',1796305060,3,'clerk','受理','');
INSERT INTO timeline VALUES(4,'230100','report/1',1796305061,3,'clerk','转为问题线索','问题线索 1');
INSERT INTO timeline VALUES(5,'230100','clue/1',1796305061,3,'clerk','登记线索','信访举报');
INSERT INTO timeline VALUES(6,'230100','clue/2',1796305062,2,'cm','登记线索','信访举报');
INSERT INTO timeline VALUES(7,'230100','clue/3',1796305062,2,'cm','登记线索','信访举报');
INSERT INTO timeline VALUES(8,'230100','clue/2',1796305062,2,'cm','拟处置：谈话函询','拟谈话函询');
INSERT INTO timeline VALUES(9,'230100','clue/2',1796305063,5,'lead','批准处置：谈话函询','');
INSERT INTO timeline VALUES(10,'230100','clue/3',1796305064,2,'cm','拟处置：立案审查调查','拟立案');
INSERT INTO timeline VALUES(11,'230100','clue/3',1796305065,5,'lead','批准处置：立案审查调查','');
INSERT INTO timeline VALUES(12,'230100','clue/3',1796305065,5,'lead','立案：案件 1','');
INSERT INTO timeline VALUES(13,'230100','case/1',1796305065,5,'lead','立案','由问题线索 3 立案，立案日期 2022-01-10');
INSERT INTO timeline VALUES(14,'230100','case/1',1796305066,2,'cm','加入办理组：测试tri（协办）','');
INSERT INTO timeline VALUES(15,'230100','case/1',1796305066,2,'cm','加入办理组：测试inv1（协办）','');
INSERT INTO timeline VALUES(16,'230100','case/1',1796305067,7,'inv1','添加审查调查记录','');
INSERT INTO timeline VALUES(17,'230100','case/1',1796305068,7,'inv1','留置：升级乙','自 2022-02-01 起，期限至 2022-05-01');
INSERT INTO timeline VALUES(18,'230100','clue/2',1796305068,2,'cm','记录处理结果','升级甲：批评教育（第一种形态）');
INSERT INTO timeline VALUES(19,'230100','case/1',1796305069,6,'tri','记录处理结果','升级乙：警告、诫勉（第二种形态）');
INSERT INTO timeline VALUES(20,'230100','case/1',1796305070,6,'tri','记录处理结果','升级乙：记过（第二种形态）');
CREATE TABLE reports (
	id            INTEGER PRIMARY KEY,
	region        TEXT NOT NULL,
	received      TEXT NOT NULL,
	channel       TEXT NOT NULL CHECK (channel IN ('letter','visit','phone','online','qr','transfer')),
	real_name     INTEGER NOT NULL DEFAULT 0,
	category      TEXT NOT NULL CHECK (category IN ('accusation','appeal','suggestion','other')),
	unit_id       BIGINT REFERENCES units(id),
	reporter_enc  TEXT,
	contact_enc   TEXT,
	summary_enc   TEXT,
	state         TEXT NOT NULL DEFAULT 'registered'
	              CHECK (state IN ('registered','accepted','not_accepted','transferred','concluded')),
	other_level   INTEGER NOT NULL DEFAULT 0,
	accepted      TEXT,
	accept_note   TEXT NOT NULL DEFAULT '',
	transferred   TEXT,
	transfer_to   TEXT NOT NULL DEFAULT '',
	concluded     TEXT,
	notified_accept  TEXT,
	notified_outcome TEXT,
	clue_id       BIGINT REFERENCES clues(id),
	ext_id        TEXT,
	extra         TEXT,
	created_by    BIGINT REFERENCES users(id),
	created_at    BIGINT NOT NULL,
	updated_at    BIGINT NOT NULL
, extended TEXT);
INSERT INTO reports VALUES(1,'230100','2022-09-28','letter',1,'accusation',1,'x1:dlwis80NhoOafIWGvfLJcyl6SQcguqL9ufcw6fy_Jmuw0QZfN-w8uQ9D0koQ-iKsl8Tf_h7Wzg','x1:trYoEwp1G1B4YF9cCVXH4WBSp_ZQSaLbSiOnss4RJTfhr3cThv814d9lmMe-fVv6O4ds','x1:UhcLhYgr2-SZ1WToEqlM6_j7KYp_K6adOsjtm-gdr_g3huowRZ_tZU4esdgy81ewulep_vDmsAgU7EpNXaUYRA','accepted',0,'2022-09-30','',NULL,'',NULL,NULL,NULL,1,NULL,NULL,3,1796305060,1796305061,NULL);
INSERT INTO reports VALUES(2,'230100','2022-10-08','phone',0,'other',2,NULL,NULL,'x1:iA5qDL0sIs0o60BmVvuNDumBSySP3-89TIM5FPhRSm9hiWP3ETnZKjhCpYZqM-5e_tiBug','registered',0,NULL,'',NULL,'',NULL,NULL,NULL,NULL,NULL,NULL,3,1796305060,1796305060,NULL);
CREATE TABLE report_accused (
	report_id BIGINT NOT NULL REFERENCES reports(id),
	person_id BIGINT NOT NULL REFERENCES persons(id),
	PRIMARY KEY (report_id, person_id)
);
INSERT INTO report_accused VALUES(1,1);
INSERT INTO report_accused VALUES(2,3);
CREATE TABLE cases (
	id             INTEGER PRIMARY KEY,
	region         TEXT NOT NULL,
	clue_id        BIGINT NOT NULL REFERENCES clues(id),
	disposition_id BIGINT REFERENCES dispositions(id),
	unit_id        BIGINT NOT NULL REFERENCES units(id),
	campaign_id    BIGINT REFERENCES campaigns(id),
	filed          TEXT NOT NULL,
	state          TEXT NOT NULL DEFAULT 'investigating'
	               CHECK (state IN ('investigating','trial','closed')),
	transferred    TEXT,
	trial_accepted TEXT,
	closed         TEXT,
	summary_enc    TEXT,
	ext_id         TEXT,
	extra          TEXT,
	created_by     BIGINT REFERENCES users(id),
	created_at     BIGINT NOT NULL,
	updated_at     BIGINT NOT NULL
, trial_due TEXT);
INSERT INTO cases VALUES(1,'230100',3,2,1,NULL,'2022-01-10','investigating',NULL,NULL,NULL,NULL,NULL,NULL,5,1796305065,1796305065,NULL);
CREATE TABLE case_subjects (
	case_id   BIGINT NOT NULL REFERENCES cases(id),
	person_id BIGINT NOT NULL REFERENCES persons(id),
	PRIMARY KEY (case_id, person_id)
);
INSERT INTO case_subjects VALUES(1,2);
CREATE TABLE case_team (
	case_id         BIGINT NOT NULL REFERENCES cases(id),
	user_id         BIGINT NOT NULL REFERENCES users(id),
	role            TEXT NOT NULL CHECK (role IN ('lead','member','trial')),
	assigned_by     BIGINT REFERENCES users(id),
	assigned_at     BIGINT NOT NULL,
	override_by     BIGINT REFERENCES users(id),
	override_reason TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (case_id, user_id)
);
INSERT INTO case_team VALUES(1,6,'member',2,1796305066,NULL,'');
INSERT INTO case_team VALUES(1,7,'member',2,1796305066,NULL,'');
CREATE TABLE case_notes (
	id       INTEGER PRIMARY KEY,
	region   TEXT NOT NULL,
	case_id  BIGINT NOT NULL REFERENCES cases(id),
	at       BIGINT NOT NULL,
	user_id  BIGINT REFERENCES users(id),
	text_enc TEXT NOT NULL
);
INSERT INTO case_notes VALUES(1,'230100',1,1796305067,7,'x1:LjbtZaEUH9sITi_Ial-5ongN0VMfSPjLOS4p5DznYGSOfURkEfu3IXxp9DIzk-2-qGmTKL05ZvP5eg');
CREATE TABLE detentions (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	case_id    BIGINT NOT NULL REFERENCES cases(id),
	person_id  BIGINT NOT NULL REFERENCES persons(id),
	start_day  TEXT NOT NULL,
	end_day    TEXT,
	extra      TEXT,
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL
, due_day TEXT);
INSERT INTO detentions VALUES(1,'230100',1,2,'2022-02-01',NULL,NULL,7,1796305068,'2022-05-01');
CREATE TABLE detention_extensions (
	id           INTEGER PRIMARY KEY,
	detention_id BIGINT NOT NULL REFERENCES detentions(id),
	kind         TEXT NOT NULL CHECK (kind IN ('extension','national','recalc')),
	months       INTEGER NOT NULL,
	approved     TEXT NOT NULL,
	approver     TEXT NOT NULL DEFAULT '',
	note         TEXT NOT NULL DEFAULT '',
	user_id      BIGINT REFERENCES users(id),
	at           BIGINT NOT NULL
);
CREATE TABLE conflicts (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	user_id     BIGINT NOT NULL REFERENCES users(id),
	person_id   BIGINT REFERENCES persons(id),
	unit_id     BIGINT REFERENCES units(id),
	note        TEXT NOT NULL DEFAULT '',
	declared_at BIGINT NOT NULL,
	CHECK (person_id IS NOT NULL OR unit_id IS NOT NULL)
);
CREATE TABLE outcomes (
	id               INTEGER PRIMARY KEY,
	region           TEXT NOT NULL,
	person_id        BIGINT NOT NULL REFERENCES persons(id),
	case_id          BIGINT REFERENCES cases(id),
	clue_id          BIGINT REFERENCES clues(id),
	day              TEXT NOT NULL,
	form             INTEGER NOT NULL CHECK (form BETWEEN 1 AND 4),
	sanctioned       INTEGER NOT NULL DEFAULT 0,
	probation_months INTEGER,
	effective        TEXT,
	bar_until        TEXT,
	campaign_id      BIGINT REFERENCES campaigns(id),
	unit_id          BIGINT NOT NULL REFERENCES units(id),
	extra            TEXT,
	created_by       BIGINT REFERENCES users(id),
	created_at       BIGINT NOT NULL,
	CHECK ((case_id IS NULL) <> (clue_id IS NULL))
);
INSERT INTO outcomes VALUES(1,'230100',1,NULL,2,'2022-02-01',1,0,NULL,'2022-02-01',NULL,NULL,1,NULL,2,1796305068);
INSERT INTO outcomes VALUES(2,'230100',2,1,NULL,'2022-03-01',2,1,NULL,'2022-03-01','2023-03-01',NULL,1,NULL,6,1796305069);
INSERT INTO outcomes VALUES(3,'230100',2,1,NULL,'2022-03-02',2,1,NULL,'2022-03-02','2023-03-02',NULL,1,NULL,6,1796305070);
CREATE TABLE outcome_measures (
	outcome_id BIGINT NOT NULL REFERENCES outcomes(id),
	measure    TEXT NOT NULL,
	PRIMARY KEY (outcome_id, measure)
);
INSERT INTO outcome_measures VALUES(1,'criticism');
INSERT INTO outcome_measures VALUES(2,'party_warning');
INSERT INTO outcome_measures VALUES(2,'admonishment');
INSERT INTO outcome_measures VALUES(3,'gov_demerit');
CREATE TABLE executions (
	outcome_id BIGINT NOT NULL REFERENCES outcomes(id),
	item       TEXT NOT NULL CHECK (item IN ('delivered','appraisal','pay_grade','bonus','promotion_bar')),
	done       TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	user_id    BIGINT REFERENCES users(id),
	at         BIGINT NOT NULL,
	PRIMARY KEY (outcome_id, item)
);
CREATE TABLE clarifications (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	person_id  BIGINT NOT NULL REFERENCES persons(id),
	case_id    BIGINT REFERENCES cases(id),
	clue_id    BIGINT REFERENCES clues(id),
	day        TEXT NOT NULL,
	manner     TEXT NOT NULL DEFAULT '',
	note       TEXT NOT NULL DEFAULT '',
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL
);
CREATE TABLE followups (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	outcome_id BIGINT NOT NULL REFERENCES outcomes(id),
	day        TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL
);
CREATE TABLE accountabilities (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	started     TEXT NOT NULL,
	unit_id     BIGINT REFERENCES units(id),
	person_id   BIGINT REFERENCES persons(id),
	campaign_id BIGINT REFERENCES campaigns(id),
	summary     TEXT NOT NULL DEFAULT '',
	ext_id      TEXT,
	extra       TEXT,
	created_by  BIGINT REFERENCES users(id),
	created_at  BIGINT NOT NULL,
	CHECK (unit_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE TABLE recoveries (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	day         TEXT NOT NULL,
	amount_fen  BIGINT NOT NULL CHECK (amount_fen >= 0),
	kind        TEXT NOT NULL CHECK (kind IN ('recovered','returned')),
	campaign_id BIGINT REFERENCES campaigns(id),
	case_id     BIGINT REFERENCES cases(id),
	extra       TEXT,
	created_by  BIGINT REFERENCES users(id),
	created_at  BIGINT NOT NULL
);
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_region_name ON units(region, name);
CREATE INDEX persons_unit ON persons(unit_id);
CREATE INDEX persons_region_name ON persons(region, name);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_event ON audit_log(event);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE UNIQUE INDEX persons_id_mac ON persons(id_number_mac);
CREATE INDEX clues_state ON clues(state);
CREATE INDEX clues_received ON clues(received);
CREATE INDEX clues_first_disposed ON clues(first_disposed);
CREATE INDEX clue_subjects_person ON clue_subjects(person_id);
CREATE INDEX dispositions_clue ON dispositions(clue_id);
CREATE INDEX dispositions_state ON dispositions(state);
CREATE INDEX timeline_object ON timeline(object, id);
CREATE INDEX units_ext ON units(ext_id);
CREATE INDEX persons_ext ON persons(ext_id);
CREATE INDEX campaigns_ext ON campaigns(ext_id);
CREATE INDEX clues_ext ON clues(ext_id);
CREATE INDEX reports_received ON reports(received);
CREATE INDEX reports_state ON reports(state);
CREATE INDEX reports_unit ON reports(unit_id);
CREATE INDEX reports_ext ON reports(ext_id);
CREATE INDEX report_accused_person ON report_accused(person_id);
CREATE INDEX cases_clue ON cases(clue_id);
CREATE INDEX cases_filed ON cases(filed);
CREATE INDEX cases_closed ON cases(closed);
CREATE INDEX cases_state ON cases(state);
CREATE INDEX cases_unit ON cases(unit_id);
CREATE INDEX cases_ext ON cases(ext_id);
CREATE INDEX case_subjects_person ON case_subjects(person_id);
CREATE INDEX case_team_user ON case_team(user_id);
CREATE INDEX case_notes_case ON case_notes(case_id, id);
CREATE INDEX detentions_case ON detentions(case_id);
CREATE INDEX detentions_start ON detentions(start_day);
CREATE INDEX detention_extensions_det ON detention_extensions(detention_id);
CREATE INDEX conflicts_user ON conflicts(user_id);
CREATE INDEX outcomes_day ON outcomes(day);
CREATE INDEX outcomes_person ON outcomes(person_id);
CREATE INDEX outcomes_case ON outcomes(case_id);
CREATE INDEX outcomes_clue ON outcomes(clue_id);
CREATE INDEX clarifications_person ON clarifications(person_id);
CREATE INDEX followups_outcome ON followups(outcome_id);
CREATE INDEX accountabilities_started ON accountabilities(started);
CREATE INDEX recoveries_day ON recoveries(day);
CREATE INDEX detentions_due ON detentions(due_day);
CREATE INDEX accountabilities_ext ON accountabilities(ext_id);
CREATE INDEX clues_clock ON clues(state, clock_start);
CREATE INDEX clues_unit_received ON clues(unit_id, received);
CREATE INDEX clues_unit_clock ON clues(unit_id, state, clock_start);
COMMIT;
