# "Rho dy enwau dy hun ar bethau" and "Pwy sydd wedi darllen fy marn".

names_link = Rho dy enwau dy hun ar bethau
names_title = Rho dy enwau dy hun ar bethau
names_intro = Gelli di roi dy enwau dy hun i'r rhain. Bydd dy dudalennau'n eu defnyddio. Gad flwch yn wag i gadw ein geiriau ni.
names_meeting_label = Beth wyt ti'n galw dy gyfarfod?
names_hint = Hyd at 60 llythyren.
names_save = Cadw fy enwau
names_too_long = Gall enw gael hyd at 60 llythyren. Gwna fe'n fyrrach, os gweli di'n dda.
names_saved = Wedi'u cadw. Mae dy dudalennau'n defnyddio dy enwau di nawr.
who_read_link = Pwy sydd wedi darllen fy marn

names_label = Beth wyt ti'n galw “{ $usual }”?
read_once = – darllenodd dy farn: { $when }
# "dwywaith" (twice) is its own word, mutated after the verb; other counts are "N gwaith".
read_times_on = { $times ->
    [two] – darllenodd dy farn ddwywaith: { $when }
   *[other] – darllenodd dy farn { $times } gwaith: { $when }
}
read_often = { $times ->
    [two] – darllenodd dy farn ddwywaith. Y tro cyntaf: { $first }. Y tro olaf: { $last }.
   *[other] – darllenodd dy farn { $times } gwaith. Y tro cyntaf: { $first }. Y tro olaf: { $last }.
}
after_title_named = Beth ddigwyddodd yn “{ $name }”
