/**
 * Common given names and family names from the regions defence news covers, to complement
 * compromise's mostly English name lexicon. Deliberately generic (no list of office holders, which
 * would go stale and hide how the rules do on names they have never seen). A name word alone never
 * makes a person; it tips a capitalised run that nothing else explains toward `person`.
 */
export const GIVEN_NAMES = `
Narendra Amit Ajit Rahul Sonia Arvind Anil Sunil Vijay Rajesh Suresh Ramesh Mahesh Dinesh Rakesh Mukesh Ashok
Vikram Sanjay Manoj Pradeep Sandeep Deepak Arun Vinod Ravi Raj Anand Harsh Shashi Priya Pooja Neha Anjali Kavita
Sunita Rekha Lakshmi Srinivas Venkatesh Krishna Gopal Hari Rajiv Sanjeev Rajendra Mahendra Surendra Devendra
Imran Asim Asif Ishaq Maryam Bilal Faisal Tariq Zubair Kamran Shahid Waqar Nawaz
Jinping Qiang Jun Wei Ming Hua Lei Jie Yong Hong Ping Bo Tao Gang Jian Lan Ying Xin
Shinzo Fumio Shigeru Taro Hiroshi Kenji Akira Takeshi Yoshihide Yoko Kenta Daisuke Haruki Yuki Kazuo Koji Makoto
Minoru Satoshi Tomoko Yasuhiro Masahiro Yoshimasa Hiroshi Katsunobu Toshimitsu
Jae Suk Min Hyun Sung Young Soo Jin Ho Duck Woo
Ferdinand Rodrigo Gilberto Enrique Eduardo Joko Prabowo Retno Anwar Hun Lawrence Vivian
Vladimir Sergei Sergey Dmitry Dmitri Andrei Andrey Alexei Alexey Nikolai Mikhail Yuri Igor Oleg Yevgeny Ivan Pavel
Volodymyr Oleksandr Oleksii Andriy Denys Dmytro Rustem Kyrylo Valerii Petro Viktor Yulia Olena Iryna Mykola Taras
Mohammed Mohammad Muhammad Mohamed Ahmed Ahmad Ali Hassan Hussein Hossein Abdullah Abdel Abdul Khalid Khaled Omar
Umar Salman Tamim Mansour Mahmoud Ismail Ibrahim Yahya Hamad Zayed Bashar Fuad Masoud Abbas Ebrahim Javad Esmaeil
Mojtaba Reza Mehdi Amir Hamid Saeed Youssef Yousef Mustafa Karim Nabil Rashid Walid Ayman Hamza Amr Tarek
Abiy Yoweri Cyril Bola Emmerson Uhuru Nana Macky Assimi Moussa Félix Felix Kwame Kofi Jomo Thabo Jacob
Benjamin Yoav Isaac Naftali Yair Benny Gideon Avi Eli Moshe Yossi Itamar
Emmanuel Olaf Friedrich Annalena Boris Ursula Kaja Josep Giorgia Pedro Mette Ulf Donald Andrzej Radosław Władysław
Klaus Jens Rishi Keir Grant Anthony Penny Chris Jacinda Justin Mélanie Antony Lloyd Pete Marco Kamala Joe
Javier Luiz Inácio Gustavo Claudia Nicolás Nayib Gabriel Dina Jean Pierre François Jacques Marie Sébastien
Hans Jürgen Wolfgang Heinz Giuseppe Giovanni Matteo Sergio Alessandro Francesco Carlos Luis Jorge Alejandro Miguel
`;

export const FAMILY_NAMES = `
Singh Kumar Sharma Verma Gupta Patel Shah Reddy Rao Nair Menon Iyer Pillai Mishra Tiwari Pandey Yadav Chauhan
Rathore Chaudhary Kapoor Malhotra Mehta Joshi Desai Bhatt Banerjee Chatterjee Mukherjee Das Bose Sen Ghosh Khan
Gandhi Qureshi Chaudhry Abbasi Butt Hussain Ahmed Siddiqui Malik Mirza
Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo Liang Song Zheng Xie Han Tang
Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen Zeng Peng Lu Su Jiang Cai Jia Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong
Tian Ren Jin Tan Lai Tsai Hou Ko Mao Fan Kong Qin Bai Yin Shi Li Xi
Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi
Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Ogawa Okada Goto Hasegawa
Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Shin Seo Kwon Hwang Ahn Yoo Hong Moon
Nguyen Tran Le Pham Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly
Santos Reyes Cruz Bautista Garcia Mendoza Torres Ramos Aquino Villanueva Rodriguez Gonzalez Hernandez Lopez Martinez
Perez Sanchez Ramirez Flores Rivera Gomez Diaz Morales Silva Pereira Costa Oliveira Souza Ferreira Almeida
Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Sokolov Volkov Novikov Morozov Pavlov Kozlov Lebedev Orlov
Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Kovalchuk
Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schulz Koch Richter Klein Wolf
Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco
Hosseini Mohammadi Rezaei Moradi Karimi Jafari Rahimi Hashemi
Cohen Levi Mizrahi Peretz Biton Friedman
`;

/**
 * Family names written first: Chinese, Korean and Vietnamese names ("Wang Yi", "Lai Ching-te") are
 * shortened to the first word, not the last.
 */
export const FAMILY_NAME_FIRST = `
Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo Liang Song Zheng Xie Han Tang
Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen Zeng Peng Lu Su Jiang Cai Jia Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong
Tian Ren Jin Tan Lai Tsai Hou Ko Mao Long Fan Kong Qin Bai Yin Shi Li Xi Kim Lee Park Choi Jung Kang Cho Yoon Jang
Lim Shin Seo Kwon Hwang Ahn Yoo Hong Moon Nguyen Tran Le Pham Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Hun
`;
